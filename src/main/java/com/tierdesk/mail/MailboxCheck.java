package com.tierdesk.mail;

/**
 * How a login to the service mailbox went: {@code messages} in the folder when it worked, else the error ({@code null}
 * when no mailbox is configured).
 */
public record MailboxCheck(boolean connected, int messages, String error) {
}
