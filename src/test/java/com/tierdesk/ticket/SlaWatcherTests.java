package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Customer;
import com.tierdesk.notification.Notification;
import com.tierdesk.notification.Notifications;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The SLA watcher fired by hand at each wake, the clock set: transitions, escalation order and quiet hours. The
 * tickets live years ahead, so that no running scheduler fires their wakes first.
 */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({SettableTime.class, TicketFixture.class})
class SlaWatcherTests {

    @Autowired
    Tickets tickets;

    @Autowired
    SlaWatcher watcher;

    @Autowired
    WatchRepository watches;

    @Autowired
    TicketFixture fixture;

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts accounts;

    @Autowired
    SettableTime.SettableClock clock;

    @Test
    void aTargetOnA24x7CalendarEscalatesStepByStepAtNight() {
        String agent = person("agent", Role.AGENT);
        String supervisor = person("supervisor", Role.SUPERVISOR);
        String busySenior = person("senior", Role.SENIOR_AGENT);
        person("senior", Role.SENIOR_AGENT);
        clock.set(Instant.parse("2036-03-08T14:00:00Z"));
        Customer vip = fixture.aCustomerIn("VIP");
        for (int i = 0; i < 3; i++) {
            tickets.create(assignedTo(inquiry(vip.code()), busySenior), null, "agent.li");
        }
        TicketId id = tickets.create(assignedTo(inquiry(vip.code()), agent), null, "agent.li").ticket().ticket().id();
        assertThat(watches.wake(id)).as("VIP inquiry: the first response (1 h on 24x7) is at risk after 45 min")
                .contains(Instant.parse("2036-03-08T14:45:00Z"));

        fireAt(id, Instant.parse("2036-03-08T14:45:00Z"));
        assertThat(codes(id)).endsWith("ticket.timeline.sla-at-risk", "ticket.timeline.escalation.notified");
        assertThat(inbox(agent)).containsExactly("notification.sla.at-risk");
        assertThat(inbox(supervisor)).isEmpty();
        assertThat(watches.wake(id)).as("the breach").contains(Instant.parse("2036-03-08T15:00:00Z"));

        fireAt(id, Instant.parse("2036-03-08T15:00:00Z"));
        assertThat(watches.wake(id)).as("due at 15:00 is not missed yet: a second later it is")
                .contains(Instant.parse("2036-03-08T15:00:01Z"));
        fireAt(id, Instant.parse("2036-03-08T15:00:01Z"));
        assertThat(codes(id)).endsWith("ticket.timeline.sla-breached", "ticket.timeline.escalation.notified");
        assertThat(inbox(supervisor)).containsExactly("notification.sla.breached");
        assertThat(watches.wake(id)).as("an hour after the breach, at night too on 24x7")
                .contains(Instant.parse("2036-03-08T16:00:00Z"));

        fireAt(id, Instant.parse("2036-03-08T16:00:00Z"));
        TicketDetail escalated = tickets.get(id);
        assertThat(escalated.ticket().assignee()).as("the least-loaded senior agent").isNotEqualTo(busySenior)
                .isNotEqualTo(agent);
        assertThat(accounts.find(escalated.ticket().assignee()).orElseThrow().role()).isEqualTo(Role.SENIOR_AGENT);
        assertThat(escalated.ticket().version()).as("a reassignment counts a version").isEqualTo(1);
        assertThat(codes(id)).endsWith("ticket.timeline.escalation.reassigned");
        assertThat(inbox(escalated.ticket().assignee())).contains("notification.sla.reassigned");

        int entries = escalated.timeline().size();
        assertThat(watcher.fire(id, Instant.parse("2036-03-08T16:00:00Z"))).isTrue();
        assertThat(tickets.get(id).timeline()).as("a wake fired again does nothing").hasSize(entries);
    }

    @Test
    void aStepDueAtNightOnABusinessHoursCalendarWaitsForTheNextWorkingMinute() {
        String agent = person("agent", Role.AGENT);
        person("senior", Role.SENIOR_AGENT);
        clock.set(Instant.parse("2036-03-03T07:30:00Z"));
        Customer regular = fixture.aCustomer();
        TicketDraft complaint = new TicketDraft(IntakeChannel.PHONE, regular.code(), new Requester("李雷", null, null),
                "投诉：送错货", TicketType.COMPLAINT, Priority.NORMAL, "收到的型号不对", List.of(), List.of(), agent);
        TicketId id = tickets.create(complaint, null, "agent.li").ticket().ticket().id();
        assertThat(watches.wake(id)).as("first response 2 h on business hours, at risk after 90 min: Monday 17:00")
                .contains(Instant.parse("2036-03-03T09:00:00Z"));

        fireAt(id, Instant.parse("2036-03-03T09:00:00Z"));
        fireAt(id, Instant.parse("2036-03-03T09:30:00Z"));
        fireAt(id, Instant.parse("2036-03-03T09:30:01Z"));
        assertThat(watches.wake(id)).as("breached at 17:30; an hour later is 18:30, after hours: Tuesday 09:00")
                .contains(Instant.parse("2036-03-04T01:00:00Z"));
        clock.set(Instant.parse("2036-03-03T14:00:00Z"));
        assertThat(watcher.fire(id, Instant.parse("2036-03-04T01:00:00Z")))
                .as("a wake that comes early by the business clock is looked at again").isFalse();
        assertThat(tickets.get(id).ticket().assignee()).as("not at night").isEqualTo(agent);

        fireAt(id, Instant.parse("2036-03-04T01:00:00Z"));
        TicketDetail escalated = tickets.get(id);
        assertThat(escalated.ticket().assignee()).isNotEqualTo(agent);
        assertThat(escalated.timeline().get(escalated.timeline().size() - 1)).satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.escalation.reassigned");
            assertThat(entry.at()).isEqualTo(Instant.parse("2036-03-04T01:00:00Z"));
            assertThat(entry.arguments().get(0)).isEqualTo(SlaTarget.FIRST_RESPONSE.name());
        });
    }

    @Test
    void aReopenedTicketEscalatesAgainInItsNewCycleButNeverTwiceInOne() {
        String agent = person("agent", Role.AGENT);
        String supervisor = person("supervisor", Role.SUPERVISOR);
        person("senior", Role.SENIOR_AGENT);
        Instant opened = Instant.parse("2036-04-07T02:00:00Z");
        clock.set(opened);
        Customer vip = fixture.aCustomerIn("VIP");
        TicketId id = tickets.create(assignedTo(inquiry(vip.code()), agent), null, "agent.li").ticket().ticket().id();
        clock.set(opened.plus(Duration.ofMinutes(10)));
        tickets.addMessage(id, 0, new MessageDraft(MessageKind.PUBLIC_REPLY, "正在核实"), agent);
        assertThat(watches.wake(id)).as("the resolution (4 h on 24x7) is at risk after 3 h")
                .contains(opened.plus(Duration.ofHours(3)));

        fireAt(id, opened.plus(Duration.ofHours(3)));
        assertThat(watches.stepsTaken(id, SlaTarget.RESOLUTION, 0)).containsExactly(0);
        clock.set(opened.plus(Duration.ofMinutes(190)));
        tickets.changeStatus(id, tickets.get(id).ticket().version(), TicketStatus.SOLVED, agent);
        Instant reopened = opened.plus(Duration.ofMinutes(200));
        clock.set(reopened);
        tickets.addMessage(id, tickets.get(id).ticket().version(),
                new MessageDraft(MessageKind.CUSTOMER_MESSAGE, "还是没有收到退款"), "王芳");
        assertThat(watches.wake(id)).as("the reopened resolution carries 3 h 10 min over: at risk at once")
                .contains(reopened);

        fireAt(id, reopened);
        assertThat(watches.stepsTaken(id, SlaTarget.RESOLUTION, 1)).as("the new cycle's first step").containsExactly(0);
        assertThat(inbox(agent)).containsExactly("notification.sla.at-risk", "notification.sla.at-risk");
        assertThat(watches.wake(id)).as("due 50 min after the reopen").contains(reopened.plus(Duration.ofMinutes(50)));
        int entries = tickets.get(id).timeline().size();
        assertThat(watcher.fire(id, reopened)).isTrue();
        assertThat(tickets.get(id).timeline()).as("a wake fired again does nothing").hasSize(entries);

        fireAt(id, reopened.plus(Duration.ofMinutes(50)));
        fireAt(id, reopened.plus(Duration.ofMinutes(50)).plusSeconds(1));
        fireAt(id, reopened.plus(Duration.ofMinutes(110)));
        assertThat(watches.stepsTaken(id, SlaTarget.RESOLUTION, 1)).containsExactly(0, 1, 2);
        assertThat(watches.stepsTaken(id, SlaTarget.RESOLUTION, 0)).as("the first cycle never breached")
                .containsExactly(0);
        assertThat(inbox(supervisor)).containsExactly("notification.sla.breached");
        assertThat(resolution(id)).extracting(TimelineEntry::code).containsExactly(
                "ticket.timeline.sla-at-risk", "ticket.timeline.escalation.notified",
                "ticket.timeline.sla-at-risk", "ticket.timeline.escalation.notified",
                "ticket.timeline.sla-breached", "ticket.timeline.escalation.notified",
                "ticket.timeline.escalation.reassigned");
        assertThat(watches.wake(id)).as("every step of the cycle taken: nothing left to watch").isEmpty();
    }

    private List<TimelineEntry> resolution(TicketId id) {
        return tickets.get(id).timeline().stream().filter(entry -> entry.code().startsWith("ticket.timeline.sla-")
                || entry.code().startsWith("ticket.timeline.escalation.")).toList();
    }

    private void fireAt(TicketId id, Instant at) {
        clock.set(at);
        watcher.fire(id, watches.wake(id).orElseThrow());
    }

    private List<String> codes(TicketId id) {
        return tickets.get(id).timeline().stream().map(TimelineEntry::code).toList();
    }

    private List<String> inbox(String account) {
        return notifications.inbox(account).stream().map(Notification::template).toList();
    }

    private String person(String kind, Role role) {
        String name = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, name, "a-long-password", role);
        return name;
    }

    private static TicketDraft assignedTo(TicketDraft draft, String assignee) {
        return new TicketDraft(draft.channel(), draft.customer(), draft.requester(), draft.subject(), draft.type(),
                draft.priority(), draft.description(), draft.tags(), draft.attachments(), assignee);
    }
}
