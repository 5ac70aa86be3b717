package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.Customer;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.TicketType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Merging a duplicate: every message, followers and tags carried over, the older ticket's SLA targets kept. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({TicketFixture.class, SettableTime.class})
class TicketMergeTests {

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettableTime.SettableClock clock;

    /** Tickets are made now (whole seconds), so that none is left behind breached in other tests' queues. */
    @BeforeEach
    void now() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void anOlderDuplicateGivesTheTargetItsTargetsAndEveryMessage() {
        Customer customer = fixture.aCustomer();
        Instant now = clock.instant();
        TicketId duplicate = open(customer, now.minus(3, ChronoUnit.DAYS), "旧的请求", List.of("refund", "urgent"));
        TicketId target = open(customer, now.minus(1, ChronoUnit.HOURS), "新的请求", List.of("refund"));
        tickets.addMessage(duplicate, version(duplicate), new MessageDraft(MessageKind.INTERNAL_NOTE, "查过仓库"),
                "agent.li");
        tickets.addFollower(duplicate, new FollowerDraft("boss@example.org", "老板"), "agent.li");
        tickets.addFollower(target, new FollowerDraft("BOSS@example.org", null), "agent.li");
        List<TargetOutcome> older = tickets.get(duplicate).targets();
        List<TicketMessage> before = tickets.get(duplicate).messages();

        TicketDetail merged = tickets.merge(duplicate, version(duplicate), target, version(target), "agent.wu");

        assertThat(dues(merged.targets())).isEqualTo(dues(older)).isNotEqualTo(targetsOf(customer, now));
        assertThat(stored(target)).as("the stored outcomes are the replayed ones").isEqualTo(dues(older));
        assertThat(queueDue(target)).isEqualTo(TargetOutcome.inDueOrder(older).stream()
                .filter(TargetOutcome::running).findFirst().orElseThrow().due());
        assertThat(merged.messages()).extracting(TicketMessage::body)
                .as("in the order they were written").containsExactly("旧的请求", "新的请求", "查过仓库");
        assertThat(merged.messages()).filteredOn(message -> message.mergedFrom() != null)
                .extracting(TicketMessage::at, TicketMessage::author, TicketMessage::kind)
                .containsExactlyElementsOf(before.stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.at(), m.author(), m.kind())).toList());
        assertThat(merged.ticket().tags()).containsExactly("refund", "urgent");
        assertThat(tickets.followers(target)).extracting(follower -> follower.email().toLowerCase())
                .as("once each, the requester of both tickets not at all").containsExactly("boss@example.org");
        TicketDetail closed = tickets.get(duplicate);
        assertThat(closed.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.mergedInto(duplicate)).contains(target);
        assertThat(closed.timeline()).last().satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.merged-into");
            assertThat(entry.arguments()).containsExactly(String.valueOf(target.value()));
        });
        assertThat(merged.timeline()).extracting(TimelineEntry::code)
                .contains("ticket.timeline.merged-from", "ticket.timeline.merge-sla");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket_queue WHERE ticket_id = :id").param("id", duplicate.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anOlderTargetKeepsItsOwnTargetsAndTakesEveryMessage() {
        Customer customer = fixture.aCustomer();
        Instant now = clock.instant();
        TicketId target = open(customer, now.minus(3, ChronoUnit.DAYS), "旧的请求", List.of());
        TicketId duplicate = open(customer, now.minus(1, ChronoUnit.HOURS), "新的请求", List.of("vip"));
        List<TargetOutcome> older = tickets.get(target).targets();

        TicketDetail merged = tickets.merge(duplicate, version(duplicate), target, version(target), "agent.wu");

        assertThat(dues(merged.targets())).isEqualTo(dues(older));
        assertThat(merged.messages()).extracting(TicketMessage::body, TicketMessage::mergedFrom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("旧的请求", null),
                        org.assertj.core.groups.Tuple.tuple("新的请求", duplicate.value()));
        assertThat(tickets.followers(target)).as("the duplicate's requester is the target's too").isEmpty();
    }

    @Test
    void anotherCustomersTicketAStaleVersionAndAClosedTicketAreRefusedAndWriteNothing() {
        Customer customer = fixture.aCustomer();
        TicketId duplicate = open(customer, clock.instant(), "请求", List.of());
        TicketId other = open(fixture.aCustomer(), clock.instant(), "别的客户", List.of());
        TicketId target = open(customer, clock.instant(), "请求", List.of());

        assertThatThrownBy(() -> tickets.merge(duplicate, version(duplicate), other, version(other), "agent.wu"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.ticket.merge-other-customer"));
        assertThatThrownBy(() -> tickets.merge(duplicate, version(duplicate), target, version(target) - 1,
                "agent.wu")).isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems().get(0).code())
                .isEqualTo(Tickets.STALE_VERSION));
        assertThatThrownBy(() -> tickets.merge(duplicate, version(duplicate), duplicate, version(duplicate),
                "agent.wu")).isInstanceOf(InvalidInput.class);
        tickets.changeStatus(target, version(target), TicketStatus.SOLVED, "agent.wu");
        assertThatThrownBy(() -> tickets.merge(duplicate, version(duplicate), target, version(target), "agent.wu"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.ticket.merge-not-open"));

        assertThat(tickets.get(duplicate).ticket().status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.get(target).messages()).hasSize(1);
        assertThat(tickets.mergedInto(duplicate)).isEmpty();
    }

    private TicketId open(Customer customer, Instant at, String description, List<String> tags) {
        TicketDraft draft = inquiry(customer.code());
        Instant now = clock.instant();
        clock.set(at);
        try {
            return tickets.create(new TicketDraft(draft.channel(), draft.customer(), draft.requester(),
                    draft.subject(), TicketType.INQUIRY, draft.priority(), description, tags, List.of(), "agent.li"),
                    null, "agent.li").ticket().ticket().id();
        } finally {
            clock.set(now);
        }
    }

    /** The targets a ticket of the customer made now would have, to tell the two tickets' targets apart. */
    private List<String> targetsOf(Customer customer, Instant now) {
        return dues(tickets.get(open(customer, now.minus(1, ChronoUnit.HOURS), "对照", List.of())).targets());
    }

    private long version(TicketId id) {
        return tickets.get(id).ticket().version();
    }

    private List<String> stored(TicketId id) {
        return jdbc.sql("SELECT target, due_at FROM ticket_sla_target WHERE ticket_id = :id ORDER BY target")
                .param("id", id.value())
                .query((rs, row) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant()).list();
    }

    private Instant queueDue(TicketId id) {
        return jdbc.sql("SELECT next_due_at FROM ticket_queue WHERE ticket_id = :id").param("id", id.value())
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).single();
    }

    private static List<String> dues(List<TargetOutcome> targets) {
        return targets.stream().sorted(java.util.Comparator.comparing(t -> t.target().name()))
                .map(t -> t.target() + " " + t.due()).toList();
    }
}
