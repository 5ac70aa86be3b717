package com.tierdesk.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A notification in the outbox, with its delivery state. */
public record Notification(long id, NotificationChannel channel, String account, String email, Locale language,
                           String template, List<String> arguments, String link, NotificationStatus status,
                           int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
                           Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
