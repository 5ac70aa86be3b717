package com.tierdesk.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code tierdesk.notifications.*}, see docs/operations.md): how often the dispatcher looks
 * for emails to send and how many it takes at a time, how many attempts an email gets before it is given up and the
 * wait after the first failed one (doubling after each), the sender address, the console's address that an email's link starts with, and how long an email of a conversation may stay SENDING before
 * it is taken for lost in a crash and sent again with the same Message-ID.
 */
@ConfigurationProperties("tierdesk.notifications")
public record NotificationSettings(@DefaultValue("PT5S") Duration dispatchEvery,
                                   @DefaultValue("50") int batch,
                                   @DefaultValue("5") int maxAttempts,
                                   @DefaultValue("PT1M") Duration retryAfter,
                                   @DefaultValue("TierDesk <tierdesk@localhost>") String from,
                                   @DefaultValue("http://localhost:8080") String consoleUrl,
                                   @DefaultValue("PT10M") Duration resendAfter) {

    /** The wait before the next attempt after {@code attempts} failed ones: the first wait, doubled each time. */
    public Duration backoff(int attempts) {
        return retryAfter.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    }
}
