package com.tierdesk.mail;

import java.time.Instant;

/** A message whose sender is no customer's contact, waiting for an agent to link a customer. */
public record TriageMail(long id, String sender, String senderName, String subject, String body, int attachments,
                         Instant receivedAt) {
}
