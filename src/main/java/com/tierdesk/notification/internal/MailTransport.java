package com.tierdesk.notification.internal;

import com.tierdesk.notification.EmailThread;
import com.tierdesk.notification.Notification;
import com.tierdesk.notification.NotificationSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an email notification through SMTP (Spring Mail, {@code spring.mail.*}), worded in the recipient's language
 * from the template's {@code .subject} and {@code .body} messages, the console link below the body. An email of a
 * conversation carries its thread's Message-ID, {@code In-Reply-To} and {@code References}. Without an SMTP server
 * configured every send fails, and the dispatcher keeps the reason. The people following the conversation are in Cc.
 */
@Component
class MailTransport {

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final NotificationSettings settings;

    MailTransport(ObjectProvider<JavaMailSender> mail, MessageSource messages, NotificationSettings settings) {
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
    }

    /** @param thread the conversation the email belongs to; {@code null} for a notification of its own */
    void send(Notification notification, EmailThread thread) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        Object[] arguments = notification.arguments().toArray();
        String body = messages.getMessage(notification.template() + ".body", arguments, notification.language());
        MimeMessage message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(notification.email());
            helper.setSubject(messages.getMessage(notification.template() + ".subject", arguments,
                    notification.language()));
            helper.setText(notification.link() == null ? body : body + "\n\n" + settings.consoleUrl() + notification.link());
            message.setHeader(EmailThread.LOOP_HEADER, "1");
            if (thread != null) {
                // JavaMailSender keeps a Message-ID set before the hand-over, so a resend is the same message.
                message.setHeader("Message-ID", thread.messageId());
                if (thread.inReplyTo() != null) {
                    message.setHeader("In-Reply-To", thread.inReplyTo());
                }
                if (!thread.references().isEmpty()) {
                    message.setHeader("References", String.join(" ", thread.references()));
                }
                if (!thread.cc().isEmpty()) {
                    helper.setCc(thread.cc().toArray(String[]::new));
                }
                if (thread.automatic()) {
                    message.setHeader("Auto-Submitted", "auto-replied");
                }
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }
}
