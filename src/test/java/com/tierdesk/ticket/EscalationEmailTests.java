package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierdesk.customer.Customer;
import com.tierdesk.notification.Notification;
import com.tierdesk.notification.Notifications;
import com.tierdesk.notification.internal.NotificationDispatcher;
import com.tierdesk.security.ContactChange;
import com.tierdesk.security.Role;
import com.tierdesk.security.Staffing;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.SettableTime;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Escalation steps and the unassigned-ticket alert reach people by email too, worded in the language each person
 * reads, beside the console bell; people without an address get the bell only. Mail goes to GreenMail.
 */
@SpringBootTest(properties = {"tierdesk.scheduler.execute=false", "spring.mail.host=127.0.0.1",
        "spring.mail.port=39026", "tierdesk.notifications.dispatch-every=PT1H"})
@Import({SettableTime.class, TicketFixture.class})
class EscalationEmailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39026, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    Tickets tickets;

    @Autowired
    SlaWatcher watcher;

    @Autowired
    WatchRepository watches;

    @Autowired
    TicketFixture fixture;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettableTime.SettableClock clock;

    /** People are created now, so that their audit entries are not dated in the tickets' future. */
    @BeforeEach
    void now() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void anEscalationStepEmailsEachPersonInTheLanguageTheyRead() throws Exception {
        String agent = person(Role.AGENT, "en");
        String supervisor = person(Role.SUPERVISOR, "zh-CN");
        String silentSupervisor = accounts.createPerson("quiet-" + suffix(), "不留邮箱的主管", Role.SUPERVISOR,
                Staffing.none(), ContactChange.NONE, "admin").account().username();
        clock.set(Instant.parse("2036-05-12T02:00:00Z"));
        Customer vip = fixture.aCustomerIn("VIP");
        TicketDraft draft = inquiry(vip.code());
        TicketId id = tickets.create(new TicketDraft(draft.channel(), draft.customer(), draft.requester(),
                draft.subject(), draft.type(), draft.priority(), draft.description(), draft.tags(), draft.attachments(),
                agent), null, "agent.li").ticket().ticket().id();

        fireAt(id, Instant.parse("2036-05-12T02:45:00Z"));
        fireAt(id, Instant.parse("2036-05-12T03:00:00Z"));
        fireAt(id, Instant.parse("2036-05-12T03:00:01Z"));
        dispatcher.dispatchDue();

        assertThat(receivedBy(address(agent))).extracting(MimeMessage::getSubject)
                .containsExactly("Ticket " + id.value() + " is at risk of missing its SLA");
        assertThat(receivedBy(address(supervisor))).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("工单 " + id.value() + " 已违反 SLA");
            assertThat((String) mail.getContent()).contains("退款进度查询", "/tickets/" + id.value());
        });
        assertThat(notifications.inbox(agent)).extracting(Notification::template)
                .as("the bell as well").containsExactly("notification.sla.at-risk");
        assertThat(notifications.inbox(silentSupervisor)).extracting(Notification::template)
                .containsExactly("notification.sla.breached");
    }

    @Test
    void theSupervisorsAreEmailedWhenATicketWaitsForSomeone() throws Exception {
        jdbc.sql("UPDATE user_account SET presence = 'SIGNED_OUT' WHERE presence <> 'SIGNED_OUT'").update();
        String supervisor = person(Role.SUPERVISOR, "en");
        Customer regular = fixture.aCustomer();

        TicketDetail waiting = tickets.create(inquiry(regular.code()), null, "api").ticket();
        dispatcher.dispatchDue();

        assertThat(waiting.ticket().assignee()).isNull();
        assertThat(receivedBy(address(supervisor))).extracting(MimeMessage::getSubject)
                .containsExactly("Ticket " + waiting.ticket().id().value() + " waits for someone");
    }

    private void fireAt(TicketId id, Instant at) {
        clock.set(at);
        watcher.fire(id, watches.wake(id).orElseThrow());
    }

    /** A person with an address, reading {@code language}. */
    private String person(Role role, String language) {
        String name = role.name().toLowerCase(Locale.ROOT) + "-" + suffix();
        accounts.createPerson(name, name, role, Staffing.none(), new ContactChange(address(name), language), "admin");
        return name;
    }

    private static String address(String name) {
        return name + "@mail.example.com";
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
