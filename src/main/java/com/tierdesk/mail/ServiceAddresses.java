package com.tierdesk.mail;

import com.tierdesk.notification.NotificationSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The service's own addresses: the sender of its mail ({@code tierdesk.notifications.from}) and the mailbox it reads
 * when its user is an address. An own address in CC follows no ticket and a reply never copies one, so that the
 * service never writes to itself.
 */
@Component
class ServiceAddresses {

    private final Set<String> own = new HashSet<>();

    ServiceAddresses(NotificationSettings notifications, MailSettings mail) {
        try {
            own.add(new InternetAddress(notifications.from()).getAddress().toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            // A sender that is no address is nobody's to copy.
        }
        String user = mail.inbound().user();
        if (user != null && user.contains("@")) {
            own.add(user.strip().toLowerCase(Locale.ROOT));
        }
    }

    boolean own(String email) {
        return email != null && own.contains(email.strip().toLowerCase(Locale.ROOT));
    }
}
