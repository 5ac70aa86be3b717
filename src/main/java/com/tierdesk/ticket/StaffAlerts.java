package com.tierdesk.ticket;

import com.tierdesk.notification.NotificationDraft;
import com.tierdesk.notification.Notifications;
import com.tierdesk.security.Contact;
import com.tierdesk.security.People;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells people at work about a ticket through the notification outbox, in the caller's transaction: a notification on
 * each one's console bell, and an email worded in their language to each who has an address.
 */
@Component
class StaffAlerts {

    private final People people;
    private final Notifications notifications;

    StaffAlerts(People people, Notifications notifications) {
        this.people = people;
        this.notifications = notifications;
    }

    /** The notification {@code template} with its arguments to each of the accounts, linking to {@code link}. */
    void tell(List<String> accounts, String template, String link, Object... arguments) {
        Map<String, Contact> byEmail = people.emailContacts(accounts);
        for (String account : accounts) {
            notifications.send(NotificationDraft.toConsole(account, template, link, arguments));
            Contact contact = byEmail.get(account);
            if (contact != null) {
                notifications.send(NotificationDraft.byEmail(contact.email(), contact.language(), template, link,
                        arguments));
            }
        }
    }

    /** The notification on the console bell of each of the accounts alone, with no email. */
    void bell(List<String> accounts, String template, String link, Object... arguments) {
        accounts.forEach(account -> notifications.send(NotificationDraft.toConsole(account, template, link,
                arguments)));
    }
}
