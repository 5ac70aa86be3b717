package com.tierdesk.notification.internal;

import com.tierdesk.notification.Notification;
import com.tierdesk.notification.NotificationSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends an email notification through SMTP (Spring Mail, {@code spring.mail.*}), worded in the recipient's language
 * from the template's {@code .subject} and {@code .body} messages, the console link below the body. Without an SMTP
 * server configured every send fails, and the dispatcher keeps the reason.
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

    void send(Notification notification) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        Object[] arguments = notification.arguments().toArray();
        var message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(notification.email());
        message.setSubject(messages.getMessage(notification.template() + ".subject", arguments, notification.language()));
        String body = messages.getMessage(notification.template() + ".body", arguments, notification.language());
        message.setText(notification.link() == null ? body : body + "\n\n" + settings.consoleUrl() + notification.link());
        sender.send(message);
    }
}
