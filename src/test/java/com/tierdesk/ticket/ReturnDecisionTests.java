package com.tierdesk.ticket;

import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderLineDraft;
import com.tierdesk.notification.Notification;
import com.tierdesk.notification.Notifications;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TicketType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A return is a ticket of type return/exchange whose RETURN_DECISION target (24 calendar hours) the decision meets,
 * watched and escalated like any other target; the watcher is fired by hand at each wake with the clock set. The
 * returns live years ahead, so that no running scheduler fires their wakes first.
 */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({SettableTime.class, TicketFixture.class})
class ReturnDecisionTests {

    /** Friday 22:00 in Shanghai: the decision falls due on Saturday night, when no business calendar works. */
    static final Instant REQUESTED = Instant.parse("2036-03-07T14:00:00Z");

    @Autowired
    Returns returns;

    @Autowired
    Tickets tickets;

    @Autowired
    SlaWatcher watcher;

    @Autowired
    WatchRepository watches;

    @Autowired
    TicketFixture fixture;

    @Autowired
    CustomerOrders orders;

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts accounts;

    @Autowired
    SettableTime.SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestOpensAWatchedReturnTicketAndADecisionAt23HoursMeetsTheTarget() {
        clock.set(REQUESTED);
        Customer customer = fixture.aCustomerIn("REGULAR");
        ReturnRequest requested = returns.request(draft(order(customer)), "agent.li");

        assertThat(requested.ticket()).isNotNull();
        TicketDetail opened = tickets.get(requested.ticket());
        assertThat(opened.ticket().type()).isEqualTo(TicketType.RETURN_EXCHANGE);
        assertThat(opened.ticket().customerCode()).isEqualTo(customer.code());
        assertThat(opened.ticket().channel()).isEqualTo(IntakeChannel.API);
        assertThat(opened.ticket().subject()).startsWith("RMA-" + requested.id() + " · ");
        assertThat(opened.ticket().tags()).containsExactly(Returns.TAG, "return");
        assertThat(opened.messages()).extracting(TicketMessage::body).containsExactly("尺码不合适");
        assertThat(opened.timeline()).extracting(TimelineEntry::code)
                .startsWith("ticket.timeline.created", "ticket.timeline.return.requested")
                .as("assigned by the usual rules").anyMatch(code -> code.startsWith("ticket.timeline.assignment."));
        assertThat(opened.targets()).extracting(TargetOutcome::target)
                .containsExactlyInAnyOrder(SlaTarget.FIRST_RESPONSE, SlaTarget.RETURN_DECISION);
        assertThat(decision(opened).due()).as("24 calendar hours, over the weekend")
                .isEqualTo(REQUESTED.plus(Duration.ofHours(24)));
        assertThat(requested.decisionDueAt()).isEqualTo(REQUESTED.plus(Duration.ofHours(24)));
        assertThat(requested.decisionStatus(REQUESTED)).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(watches.wake(requested.ticket())).as("the decision turns at risk after 18 hours")
                .contains(REQUESTED.plus(Duration.ofHours(18)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket_queue WHERE ticket_id = ?")
                .param(requested.ticket().value()).query(Long.class).single()).as("in the queues").isEqualTo(1);

        clock.set(REQUESTED.plus(Duration.ofHours(23)));
        ReturnRequest approved = returns.approve(requested.id(), "sup.wang");

        TicketDetail decided = tickets.get(requested.ticket());
        assertThat(decision(decided).status()).isEqualTo(ClockStatus.MET);
        assertThat(decision(decided).achievedAt()).isEqualTo(REQUESTED.plus(Duration.ofHours(23)));
        assertThat(approved.decisionStatus(REQUESTED.plus(Duration.ofDays(2)))).isEqualTo(ClockStatus.MET);
        assertThat(tickets.clockHistory(requested.ticket())).extracting(TicketEvent::kind)
                .contains(TicketEvent.Kind.RETURN_DECIDED);
        assertThat(last(decided)).satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.return.approved");
            assertThat(entry.actor()).isEqualTo("sup.wang");
        });
        assertThat(watches.wake(requested.ticket()).orElseThrow()).as("only the first response is left to watch")
                .isAfter(REQUESTED.plus(Duration.ofHours(24)));

        clock.set(REQUESTED.plus(Duration.ofDays(3)));
        returns.receive(requested.id(), "agent.li");
        returns.inspect(requested.id(), "完好", "agent.li");
        returns.refund(requested.id(), null, null, "sup.wang");
        assertThat(tickets.get(requested.ticket()).timeline()).extracting(TimelineEntry::code).endsWith(
                "ticket.timeline.return.approved", "ticket.timeline.return.received",
                "ticket.timeline.return.inspected", "ticket.timeline.return.refunded");
        assertThat(returns.onTicket(requested.ticket())).map(ReturnRequest::id).contains(requested.id());
    }

    @Test
    void anUndecidedReturnBreachesAtExactly24HoursAndEscalatesOnASaturdayNight() {
        String agent = person("agent", Role.AGENT);
        String supervisor = person("supervisor", Role.SUPERVISOR);
        person("senior", Role.SENIOR_AGENT);
        clock.set(REQUESTED);
        ReturnRequest requested = returns.request(draft(order(fixture.aCustomerIn("REGULAR"))), "agent.li");
        TicketId id = requested.ticket();
        tickets.reassign(id, tickets.get(id).ticket().version(), agent, "sup.wang");

        fireAt(id, REQUESTED.plus(Duration.ofHours(18)));
        assertThat(decisionSteps(id)).extracting(TimelineEntry::code)
                .containsExactly("ticket.timeline.sla-at-risk", "ticket.timeline.escalation.notified");
        assertThat(inbox(agent)).containsExactly("notification.sla.at-risk");
        assertThat(returns.get(requested.id()).decisionStatus(clock.instant())).isEqualTo(ClockStatus.AT_RISK);

        fireAt(id, REQUESTED.plus(Duration.ofHours(24)));
        assertThat(returns.get(requested.id()).decisionStatus(clock.instant()))
                .as("decided at 24 h it would still be met").isEqualTo(ClockStatus.AT_RISK);
        fireAt(id, REQUESTED.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(decision(tickets.get(id))).satisfies(decision -> {
            assertThat(decision.status()).isEqualTo(ClockStatus.BREACHED);
            assertThat(decision.due()).isEqualTo(REQUESTED.plus(Duration.ofHours(24)));
        });
        assertThat(watches.alerts(id, SlaTarget.RETURN_DECISION, 0))
                .containsEntry(ClockStatus.BREACHED, REQUESTED.plus(Duration.ofHours(24)));
        assertThat(inbox(supervisor)).contains("notification.sla.breached");
        assertThat(returns.get(requested.id()).decisionStatus(clock.instant())).isEqualTo(ClockStatus.BREACHED);
        assertThat(watches.wake(id)).as("an hour after the breach, Saturday 23:00: 24x7 holds nothing for the night")
                .contains(REQUESTED.plus(Duration.ofHours(25)));

        fireAt(id, REQUESTED.plus(Duration.ofHours(25)));
        TicketDetail escalated = tickets.get(id);
        assertThat(accounts.find(escalated.ticket().assignee()).orElseThrow().role()).isEqualTo(Role.SENIOR_AGENT);
        assertThat(decisionSteps(id)).extracting(TimelineEntry::code).containsExactly(
                "ticket.timeline.sla-at-risk", "ticket.timeline.escalation.notified",
                "ticket.timeline.sla-breached", "ticket.timeline.escalation.notified",
                "ticket.timeline.escalation.reassigned");
        Instant atRisk = REQUESTED.plus(Duration.ofHours(18));
        Instant breached = REQUESTED.plus(Duration.ofHours(24)).plusSeconds(1);
        assertThat(decisionSteps(id)).extracting(TimelineEntry::at)
                .containsExactly(atRisk, atRisk, breached, breached, REQUESTED.plus(Duration.ofHours(25)));

        clock.set(REQUESTED.plus(Duration.ofHours(26)));
        returns.approve(requested.id(), "sup.wang");
        assertThat(decision(tickets.get(id))).as("decided late: stored as breached, with when it was decided")
                .satisfies(decision -> {
                    assertThat(decision.status()).isEqualTo(ClockStatus.BREACHED);
                    assertThat(decision.achievedAt()).isEqualTo(REQUESTED.plus(Duration.ofHours(26)));
                    assertThat(decision.running()).isFalse();
                });
    }

    @Test
    void aBadTransitionIsRefusedAndWritesNothingOnTheReturnOrItsTicket() {
        clock.set(REQUESTED);
        Customer customer = fixture.aCustomerIn("VIP");
        String order = order(customer);
        ReturnRequest requested = returns.request(draft(order), "agent.li");
        assertThatThrownBy(() -> returns.reject(requested.id(), " ", "sup.wang"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> assertThat(problem.field()).isEqualTo("reason")));
        assertThat(returns.get(requested.id()).status()).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(decision(tickets.get(requested.ticket())).running()).as("no decision made").isTrue();

        clock.set(REQUESTED.plus(Duration.ofHours(2)));
        returns.approve(requested.id(), "sup.wang");
        TicketDetail before = tickets.get(requested.ticket());
        int steps = returns.get(requested.id()).steps().size();
        int history = tickets.clockHistory(requested.ticket()).size();

        clock.set(REQUESTED.plus(Duration.ofHours(3)));
        assertThatThrownBy(() -> returns.refund(requested.id(), null, null, "sup.wang"))
                .as("a refund before the goods are received and inspected")
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("status");
                    assertThat(p.reason().code()).isEqualTo("problem.return.transition");
                }));
        assertThatThrownBy(() -> returns.approve(requested.id(), "sup.wang")).as("deciding twice")
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> returns.reject(requested.id(), "改主意了", "sup.wang")).as("deciding twice")
                .isInstanceOf(Conflict.class);

        ReturnRequest after = returns.get(requested.id());
        assertThat(after.status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(after.steps()).hasSize(steps);
        assertThat(after.refundAmount()).isNull();
        assertThat(orders.get(order).refundAmount()).isEqualByComparingTo("0");
        TicketDetail ticket = tickets.get(requested.ticket());
        assertThat(ticket.timeline()).isEqualTo(before.timeline());
        assertThat(ticket.ticket().version()).isEqualTo(before.ticket().version());
        assertThat(tickets.clockHistory(requested.ticket())).hasSize(history);
    }

    @Test
    void aRequestMadeFromAReturnTicketLinksToItAndItsDecisionCountsFromTheTicket() {
        clock.set(REQUESTED);
        Customer customer = fixture.aCustomerIn("KEY");
        String order = order(customer);
        TicketId called = tickets.create(returnTicket(customer.code(), TicketType.RETURN_EXCHANGE), null, "agent.li")
                .ticket().ticket().id();
        TicketId inquiry = tickets.create(returnTicket(customer.code(), TicketType.INQUIRY), null, "agent.li")
                .ticket().ticket().id();
        TicketId someoneElses = tickets.create(returnTicket(fixture.aCustomerIn("KEY").code(),
                TicketType.RETURN_EXCHANGE), null, "agent.li").ticket().ticket().id();
        long ticketsBefore = ticketsOf(customer);

        clock.set(REQUESTED.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> returns.request(draft(order, inquiry.value()), "agent.li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("ticket");
                            assertThat(p.reason().code()).isEqualTo("problem.return.ticket.type");
                        }));
        assertThatThrownBy(() -> returns.request(draft(order, someoneElses.value()), "agent.li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.reason().code())
                                .isEqualTo("problem.return.ticket.other-customer")));
        assertThat(returnsOf(order)).isZero();

        ReturnRequest requested = returns.request(draft(order, called.value()), "agent.li");
        assertThat(requested.ticket()).isEqualTo(called);
        assertThat(ticketsOf(customer)).as("no ticket of its own").isEqualTo(ticketsBefore);
        assertThat(requested.decisionDueAt()).as("the customer asked when the ticket came in")
                .isEqualTo(REQUESTED.plus(Duration.ofHours(24)));
        assertThat(last(tickets.get(called))).satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.return.requested");
            assertThat(entry.arguments()).containsExactly(String.valueOf(requested.id()), order, "RETURN");
        });

        var another = new ReturnDraft(order, ReturnKind.EXCHANGE, "颜色不对", List.of(new ReturnDraft.LineDraft(2, 1)),
                null, "zh", called.value());
        assertThatThrownBy(() -> returns.request(another, "agent.li"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.reason().code()).isEqualTo("problem.return.ticket.has-return")));
        assertThat(returnsOf(order)).isEqualTo(1);
        assertThatThrownBy(() -> tickets.change(called, tickets.get(called).ticket().version(),
                new TicketChange(null, TicketType.INQUIRY, null), "agent.li"))
                .as("the return's ticket keeps the type that gives it the decision target")
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("type")));
    }

    @Test
    void aReturnTicketSolvedBeforeAnyRequestTakesNone() {
        clock.set(REQUESTED);
        Customer customer = fixture.aCustomerIn("KEY");
        String order = order(customer);
        TicketId solved = tickets.create(returnTicket(customer.code(), TicketType.RETURN_EXCHANGE), null, "agent.li")
                .ticket().ticket().id();
        tickets.changeStatus(solved, 0, TicketStatus.SOLVED, "agent.li");

        assertThatThrownBy(() -> returns.request(draft(order, solved.value()), "agent.li"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.reason().code())
                                .isEqualTo("problem.return.ticket.decision-ended")));
        assertThat(returnsOf(order)).isZero();
        assertThat(last(tickets.get(solved)).code()).isEqualTo("ticket.timeline.status");
    }

    private static TargetOutcome decision(TicketDetail ticket) {
        return ticket.targets().stream().filter(target -> target.target() == SlaTarget.RETURN_DECISION).findFirst()
                .orElseThrow();
    }

    private static TimelineEntry last(TicketDetail ticket) {
        return ticket.timeline().get(ticket.timeline().size() - 1);
    }

    /** The watcher's entries for the return decision. */
    private List<TimelineEntry> decisionSteps(TicketId id) {
        return tickets.get(id).timeline().stream().filter(entry -> (entry.code().startsWith("ticket.timeline.sla-")
                || entry.code().startsWith("ticket.timeline.escalation."))
                && entry.arguments().get(0).equals(SlaTarget.RETURN_DECISION.name())).toList();
    }

    private void fireAt(TicketId id, Instant at) {
        assertThat(watches.wake(id)).contains(at);
        clock.set(at);
        watcher.fire(id, at);
    }

    private ReturnDraft draft(String order) {
        return draft(order, null);
    }

    private static ReturnDraft draft(String order, Long ticket) {
        return new ReturnDraft(order, ReturnKind.RETURN, "尺码不合适", List.of(new ReturnDraft.LineDraft(1, 1)), null,
                "zh", ticket);
    }

    private static TicketDraft returnTicket(String customer, TicketType type) {
        return new TicketDraft(IntakeChannel.PHONE, customer, new Requester("王芳", null, null), "想退一件衣服", type,
                Priority.NORMAL, "尺码不合适", List.of(), List.of(), null);
    }

    /** An order of the customer's paid two days before the request, with two lines. */
    private String order(Customer customer) {
        OrderDraft order = anOrder(customer.code()).amount("398.00")
                .paidOn(REQUESTED.atZone(CustomerFixture.ZONE).toLocalDate().minusDays(2)).build();
        return orders.upsert(new OrderDraft(order.externalId(), customer.code(), order.amount(), null,
                order.placedAt(), order.paidAt(), order.status(), List.of(
                        new OrderLineDraft("SKU-1", "衬衫", 1, new BigDecimal("199.00")),
                        new OrderLineDraft("SKU-2", "长裤", 1, new BigDecimal("199.00"))))).value().externalId();
    }

    private long returnsOf(String order) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_return WHERE order_external_id = ?").param(order)
                .query(Long.class).single();
    }

    private long ticketsOf(Customer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = ?").param(customer.id().value())
                .query(Long.class).single();
    }

    private List<String> inbox(String account) {
        return notifications.inbox(account).stream().map(Notification::template).toList();
    }

    private String person(String kind, Role role) {
        String name = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, name, "a-long-password", role);
        return name;
    }
}
