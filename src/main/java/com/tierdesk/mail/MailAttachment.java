package com.tierdesk.mail;

/** A received attachment with its content. */
public record MailAttachment(long id, String name, String contentType, byte[] content) {
}
