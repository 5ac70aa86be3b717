package com.tierdesk.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The email channel's settings ({@code tierdesk.mail.*}, see docs/operations.md): the service mailbox read over IMAP
 * ({@code inbound}; no host, no polling) and the secret that signs a mail gateway's webhook calls (none: the webhook
 * refuses every call).
 */
@ConfigurationProperties("tierdesk.mail")
public record MailSettings(@DefaultValue Inbound inbound, @DefaultValue Webhook webhook) {

    /**
     * The mailbox: where, who, which folder; {@code ssl} for IMAPS; {@code moveTo} a folder the messages taken are
     * moved to (none: they are only marked seen); how often and how many messages a poll takes.
     */
    public record Inbound(String host, @DefaultValue("993") int port, String user, String password,
                          @DefaultValue("INBOX") String folder, @DefaultValue("true") boolean ssl, String moveTo,
                          @DefaultValue("PT1M") Duration pollEvery, @DefaultValue("50") int batch) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    public record Webhook(String secret) {

        public boolean configured() {
            return secret != null && !secret.isBlank();
        }
    }
}
