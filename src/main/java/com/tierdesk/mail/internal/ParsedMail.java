package com.tierdesk.mail.internal;

import java.util.List;

/**
 * A message as read: the text the sender wrote with the quoted earlier text split off, the HTML body sanitised for
 * display, the CC addresses, attachments, and {@code automatic} naming why it is machine-sent (none for a person's
 * mail).
 */
public record ParsedMail(String messageId, List<String> answers, String sender, String senderName, List<Copied> cc,
                         String subject, String body, String quoted, String html, List<Part> attachments,
                         String automatic) {

    public record Part(String name, String contentType, byte[] content) {
    }

    /** An address in CC, lower-cased, with the name the sender's mailer gave it (none when it gave none). */
    public record Copied(String email, String name) {
    }
}
