package com.tierdesk.mail;

import com.tierdesk.mail.internal.MailStore;
import com.tierdesk.notification.EmailThread;
import com.tierdesk.notification.NotificationDraft;
import com.tierdesk.notification.NotificationSettings;
import com.tierdesk.notification.Notifications;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.ticket.Follower;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.MessageKind;
import com.tierdesk.ticket.TargetOutcome;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketMessageAdded;
import com.tierdesk.ticket.Tickets;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mail to the requester of an email ticket, through the notification outbox in the transaction of its cause: an
 * agent's public reply, copied (Cc) to the ticket's followers, and the acknowledgement of a new ticket stating by when
 * the first response is due (it is no response itself: it moves no clock). Each carries a Message-ID fixed and stored
 * before the hand-over, the ticket's earlier ids as In-Reply-To/References and the ticket token in the subject, so the
 * customer's answer threads back.
 */
@Component
class OutboundMail {

    private static final Logger log = LoggerFactory.getLogger(OutboundMail.class);
    private static final int MAX_REFERENCES = 20;

    private final MailStore store;
    private final Notifications notifications;
    private final NotificationSettings settings;
    private final BusinessTime time;
    private final Tickets tickets;
    private final ServiceAddresses service;

    OutboundMail(MailStore store, Notifications notifications, NotificationSettings settings, BusinessTime time,
                 Tickets tickets, ServiceAddresses service) {
        this.store = store;
        this.tickets = tickets;
        this.service = service;
        this.notifications = notifications;
        this.settings = settings;
        this.time = time;
    }

    @EventListener
    void replied(TicketMessageAdded added) {
        Ticket ticket = added.ticket();
        if (added.message().kind() != MessageKind.PUBLIC_REPLY || ticket.channel() != IntakeChannel.EMAIL
                || ticket.requester().email() == null) {
            return;
        }
        String messageId = "<tierdesk.t" + ticket.id().value() + ".m" + added.message().id() + "@" + domain() + ">";
        send(ticket, messageId, false, copied(ticket), "mail.reply", ticket.id().value(), ticket.subject(),
                added.message().body());
    }

    /** The ticket's followers, each once, but the requester (the reply's addressee) and the service's own addresses. */
    private List<String> copied(Ticket ticket) {
        String requester = ticket.requester().email();
        return tickets.followers(ticket.id()).stream().map(Follower::email)
                .filter(email -> !email.equalsIgnoreCase(requester) && !service.own(email))
                .map(email -> email.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** The acknowledgement of a new email ticket; none when no first response is due. */
    void acknowledge(TicketDetail opened) {
        Ticket ticket = opened.ticket();
        Optional<Instant> due = opened.targets().stream().filter(t -> t.target() == SlaTarget.FIRST_RESPONSE)
                .map(TargetOutcome::due).filter(at -> at != null).findFirst();
        if (ticket.requester().email() == null || due.isEmpty()) {
            log.info("Ticket {} has no first response due; no acknowledgement sent", ticket.id().value());
            return;
        }
        Locale language = language(ticket);
        String messageId = "<tierdesk.t" + ticket.id().value() + ".ack@" + domain() + ">";
        send(ticket, messageId, true, List.of(), "mail.ack", ticket.id().value(), ticket.subject(),
                inWords(due.get(), language));
    }

    /** A due instant as the customer reads it: the weekday and time within a week, with the date beyond. */
    String inWords(Instant due, Locale language) {
        ZonedDateTime local = time.local(due);
        boolean withinAWeek = due.isBefore(time.now().plus(6, ChronoUnit.DAYS));
        String pattern = Locale.ENGLISH.getLanguage().equals(language.getLanguage())
                ? (withinAWeek ? "EEEE HH:mm" : "EEEE d MMMM HH:mm")
                : (withinAWeek ? "EEE HH:mm" : "M月d日 EEE HH:mm");
        return DateTimeFormatter.ofPattern(pattern, language).format(local);
    }

    private void send(Ticket ticket, String messageId, boolean automatic, List<String> cc, String template,
                      Object... arguments) {
        long id = ticket.id().value();
        List<String> earlier = store.messageIds(id);
        List<String> references = earlier.subList(Math.max(0, earlier.size() - MAX_REFERENCES), earlier.size());
        String inReplyTo = store.lastReceived(id).orElse(null);
        store.sent(messageId, id, ticket.subject(), time.now());
        notifications.send(NotificationDraft.byEmail(ticket.requester().email(), language(ticket), template, null,
                arguments), new EmailThread(messageId, inReplyTo, references, automatic, cc));
    }

    private static Locale language(Ticket ticket) {
        return "en".equals(ticket.requester().language()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The domain of the sender address, so that the ids TierDesk makes are its own. */
    private String domain() {
        try {
            String address = new InternetAddress(settings.from()).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            return "tierdesk.invalid";
        }
    }
}
