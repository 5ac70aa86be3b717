package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customer;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.tiering.TierOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@Import({EnglishAnswers.class, SettableTime.class, TicketFixture.class})
class TicketsTests {

    private static final Duration LISTENERS = Duration.ofSeconds(20);

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Autowired
    SolvedTicketClosing closing;

    @Autowired
    TicketRepository repository;

    @Autowired
    SettableTime.SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aRequesterWithoutALanguageHashesAsBeforeLanguagesWereKeptSoOldIdempotencyKeysStillMatch() {
        assertThat(json.writeValueAsString(inquiry("C1").requester()))
                .isEqualTo("{\"name\":\"王芳\",\"email\":\"wang@example.com\",\"phone\":null}");
        assertThat(json.writeValueAsString(new Requester("王芳", null, null, "en"))).contains("\"language\":\"en\"");
    }

    @Test
    void targetsFollowATicketThroughItsLife() {
        clock.set(Instant.parse("2026-03-02T01:00:00Z"));
        Customer customer = fixture.aCustomerIn("VIP");
        TicketDetail created = tickets.create(inquiry(customer.code()), null, "agent.li").ticket();
        TicketId id = created.ticket().id();
        assertThat(created.ticket().tier()).isEqualTo("VIP");
        assertThat(target(created, SlaTarget.FIRST_RESPONSE)).satisfies(t -> {
            assertThat(t.due()).as("VIP inquiry: 1 h on 24x7").isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
            assertThat(t.status()).isEqualTo(ClockStatus.ON_TRACK);
        });
        assertThat(target(created, SlaTarget.RESOLUTION).due()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));

        clock.set(Instant.parse("2026-03-02T01:30:00Z"));
        TicketDetail replied = tickets.addMessage(id, 0, new MessageDraft(MessageKind.PUBLIC_REPLY, "正在核查"),
                "agent.li").ticket();
        assertThat(replied.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(target(replied, SlaTarget.FIRST_RESPONSE)).satisfies(t -> {
            assertThat(t.status()).as("the first public reply meets the first response").isEqualTo(ClockStatus.MET);
            assertThat(t.achievedAt()).isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
            assertThat(t.running()).isFalse();
        });

        clock.set(Instant.parse("2026-03-02T02:00:00Z"));
        tickets.changeStatus(id, 1, TicketStatus.PENDING_CUSTOMER, "agent.li");
        clock.set(Instant.parse("2026-03-02T04:00:00Z"));
        TicketDetail resumed = tickets.addMessage(id, 2, new MessageDraft(MessageKind.CUSTOMER_MESSAGE, "已补充凭证"),
                "integration").ticket();
        assertThat(resumed.ticket().status()).as("the customer's message resumes").isEqualTo(TicketStatus.OPEN);
        assertThat(target(resumed, SlaTarget.RESOLUTION)).satisfies(t -> {
            assertThat(t.pausedTotal()).as("pending on the customer pauses the resolution").isEqualTo(Duration.ofHours(2));
            assertThat(t.due()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
        });

        clock.set(Instant.parse("2026-03-02T05:00:00Z"));
        TicketDetail solved = tickets.changeStatus(id, 3, TicketStatus.SOLVED, "agent.li");
        assertThat(target(solved, SlaTarget.RESOLUTION)).satisfies(t -> {
            assertThat(t.status()).isEqualTo(ClockStatus.MET);
            assertThat(t.achievedAt()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
        });

        clock.set(Instant.parse("2026-03-02T06:00:00Z"));
        TicketDetail reopened = tickets.changeStatus(id, 4, TicketStatus.REOPENED, "agent.li");
        assertThat(target(reopened, SlaTarget.RESOLUTION)).satisfies(t -> {
            assertThat(t.running()).as("a reopen restarts the resolution").isTrue();
            assertThat(t.due()).as("carrying the 2 h it had run").isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        });
        assertThat(repository.clockHistory(id)).extracting(TicketEvent::kind).containsExactly(
                TicketEvent.Kind.CREATED, TicketEvent.Kind.AGENT_PUBLIC_REPLY, TicketEvent.Kind.PENDING_ON_CUSTOMER,
                TicketEvent.Kind.RESUMED, TicketEvent.Kind.CUSTOMER_MESSAGE, TicketEvent.Kind.SOLVED,
                TicketEvent.Kind.REOPENED);
        assertThat(withoutAssignment(reopened)).extracting(TimelineEntry::code).containsExactly("ticket.timeline.created",
                "ticket.timeline.public-reply", "ticket.timeline.status", "ticket.timeline.status",
                "ticket.timeline.customer-message", "ticket.timeline.status", "ticket.timeline.status",
                "ticket.timeline.status");
        assertThat(reopened.messages()).extracting(TicketMessage::kind).containsExactly(MessageKind.CUSTOMER_MESSAGE,
                MessageKind.PUBLIC_REPLY, MessageKind.CUSTOMER_MESSAGE);
    }

    @Test
    void theIntakeAnswersWithTheTicketAsStored() {
        clock.set(Instant.parse("2026-03-02T01:00:00Z"));
        Customer customer = fixture.aCustomerIn("VIP");
        TicketDraft complaint = new TicketDraft(IntakeChannel.PHONE, customer.code(),
                new Requester("李雷", "li@example.com", "13800000000"), "屏幕碎了", TicketType.COMPLAINT, Priority.HIGH,
                "收到时外包装破损，屏幕有裂痕。", List.of("damaged", "vip-care"),
                List.of(new Attachment("photo.jpg", 4096, "image/jpeg", "s3://tickets/photo.jpg")), null);

        for (TicketDraft draft : List.of(inquiry(customer.code()), complaint)) {
            TicketDetail answered = tickets.create(draft, null, "agent.li").ticket();
            assertThat(answered).isEqualTo(tickets.get(answered.ticket().id()));
        }
    }

    @Test
    void aTierChangeReachesTheOpenTicketsBothWays() {
        clock.set(Instant.parse("2026-04-06T01:00:00Z"));
        Customer customer = fixture.aCustomer();
        TierOverride vip = fixture.grade(customer, "VIP");
        TicketDetail created = tickets.create(inquiry(customer.code()), null, "agent.li").ticket();
        TicketId id = created.ticket().id();
        Instant vipFirstResponse = target(created, SlaTarget.FIRST_RESPONSE).due();

        clock.set(Instant.parse("2026-04-06T01:10:00Z"));
        fixture.revoke(vip);
        await().atMost(LISTENERS).untilAsserted(() ->
                assertThat(tickets.get(id).ticket().tier()).as("no tier left: the tier before assessment")
                        .isEqualTo("REGULAR"));
        TicketDetail downgraded = tickets.get(id);
        assertThat(target(downgraded, SlaTarget.FIRST_RESPONSE).due()).as("keep the better SLA: VIP's earlier due stays")
                .isEqualTo(vipFirstResponse);

        clock.set(Instant.parse("2026-04-06T01:20:00Z"));
        fixture.grade(customer, "VIP");
        await().atMost(LISTENERS).untilAsserted(() -> assertThat(tickets.get(id).ticket().tier()).isEqualTo("VIP"));
        TicketDetail upgraded = tickets.get(id);
        assertThat(upgraded.timeline()).filteredOn(e -> e.code().equals("ticket.timeline.tier-changed"))
                .extracting(TimelineEntry::arguments)
                .containsExactly(List.of("VIP", "REGULAR"), List.of("REGULAR", "VIP"));
        assertThat(repository.clockHistory(id)).filteredOn(e -> e.kind() == TicketEvent.Kind.TIER_CHANGED)
                .extracting(TicketEvent::tier).containsExactly("REGULAR", "VIP");
        assertThat(upgraded.ticket().version()).as("each tier change is a change of the ticket").isEqualTo(2);
    }

    @Test
    void aSolvedTicketClosesAfterFourDaysByTheTask() {
        clock.set(Instant.parse("2026-05-04T02:00:00Z"));
        Customer customer = fixture.aCustomer();
        TicketId id = tickets.create(inquiry(customer.code()), null, "agent.li").ticket().ticket().id();
        tickets.changeStatus(id, 0, TicketStatus.SOLVED, "agent.li");

        clock.set(Instant.parse("2026-05-08T01:59:00Z"));
        closing.closeAllDue();
        assertThat(tickets.get(id).ticket().status()).isEqualTo(TicketStatus.SOLVED);

        clock.set(Instant.parse("2026-05-08T02:00:00Z"));
        closing.closeAllDue();
        TicketDetail closed = tickets.get(id);
        assertThat(closed.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.ticket().version()).isEqualTo(2);
        assertThat(closed.timeline()).last().satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("ticket.timeline.closed-automatically");
            assertThat(entry.actor()).isEqualTo(Ticket.SYSTEM);
            assertThat(entry.arguments()).containsExactly("PT96H");
        });
    }

    @Test
    void aCustomerWritingToAClosedTicketOpensALinkedFollowUp() {
        Customer customer = fixture.aCustomer();
        TicketId id = tickets.create(inquiry(customer.code()), null, "agent.li").ticket().ticket().id();
        tickets.changeStatus(id, 0, TicketStatus.SOLVED, "agent.li");
        tickets.changeStatus(id, 1, TicketStatus.CLOSED, "agent.li");

        assertThatThrownBy(() -> tickets.addMessage(id, 2, new MessageDraft(MessageKind.PUBLIC_REPLY, "补充"), "agent.li"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.ticket.closed-takes-no-message"));
        Tickets.MessageAdded added = tickets.addMessage(id, 2,
                new MessageDraft(MessageKind.CUSTOMER_MESSAGE, "退款还是没到"), "integration");

        TicketDetail followUp = added.followUp();
        assertThat(followUp.ticket().followUpOf()).isEqualTo(id);
        assertThat(followUp.ticket().status()).isEqualTo(TicketStatus.NEW);
        assertThat(followUp.messages()).extracting(TicketMessage::body).containsExactly("退款还是没到");
        assertThat(followUp.timeline()).extracting(TimelineEntry::code, TimelineEntry::arguments)
                .containsExactly(tuple("ticket.timeline.follow-up-of",
                        List.of(String.valueOf(id.value()))));
        assertThat(added.ticket().ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(added.ticket().timeline()).last().extracting(TimelineEntry::code, TimelineEntry::arguments)
                .containsExactly("ticket.timeline.follow-up-opened", List.of(String.valueOf(followUp.ticket().id().value())));
        assertThat(followUp.targets()).extracting(TargetOutcome::target).contains(SlaTarget.FIRST_RESPONSE);
    }

    @Test
    void concurrentFirstRequestsWithOneKeyCreateOneTicket() throws Exception {
        Customer customer = fixture.aCustomer();
        String key = "key-" + customer.code();
        List<Tickets.Intake> intakes = together(2, () -> tickets.create(inquiry(customer.code()), key, "integration"));

        assertThat(intakes).extracting(intake -> intake.ticket().ticket().id()).containsOnly(
                intakes.get(0).ticket().ticket().id());
        assertThat(intakes).extracting(Tickets.Intake::created).containsExactlyInAnyOrder(true, false);
        assertThat(ticketsOf(customer)).isEqualTo(1);
    }

    @Test
    void concurrentEditsOfOneVersionLetOneThroughAndRefuseTheOther() throws Exception {
        Customer customer = fixture.aCustomer();
        TicketId id = tickets.create(inquiry(customer.code()), null, "agent.li").ticket().ticket().id();

        List<Object> outcomes = together(2, () -> {
            try {
                return tickets.change(id, 0, new TicketChange(Priority.HIGH, null, null), "agent.li");
            } catch (Conflict e) {
                return e;
            }
        });

        assertThat(outcomes).filteredOn(Conflict.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Conflict) e).problems().get(0).reason().arguments())
                        .containsExactly(String.valueOf(id.value()), "1"));
        TicketDetail after = tickets.get(id);
        assertThat(after.ticket().version()).isEqualTo(1);
        assertThat(withoutAssignment(after)).extracting(TimelineEntry::code).containsExactly("ticket.timeline.created",
                "ticket.timeline.priority");
    }

    @Test
    void badInputIsRefusedWithItsFieldAndWritesNothing() {
        Customer customer = fixture.aCustomer();
        TicketDraft good = inquiry(customer.code());
        TicketDraft unknownCustomer = new TicketDraft(good.channel(), "NO-SUCH-" + customer.code(), good.requester(),
                good.subject(), good.type(), good.priority(), good.description(), good.tags(), good.attachments(), null);
        assertThatThrownBy(() -> tickets.create(unknownCustomer, null, "agent.li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.ticket.unknown-customer"));
        TicketDraft incomplete = new TicketDraft(null, customer.code(), good.requester(), " ", null, null,
                "x".repeat(TicketRules.MAX_BODY + 1), List.of("a,b"), good.attachments(), null);
        assertThatThrownBy(() -> tickets.create(incomplete, null, "agent.li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("channel", "subject", "type", "priority",
                                "description", "tags[0]"));
        assertThat(ticketsOf(customer)).isZero();

        TicketId id = tickets.create(good, null, "agent.li").ticket().ticket().id();
        assertThatThrownBy(() -> tickets.changeStatus(id, 0, TicketStatus.REOPENED, "agent.li"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.ticket.status.reopen-only-solved"));
        assertThat(tickets.get(id).ticket().version()).isZero();
        assertThat(withoutAssignment(tickets.get(id))).hasSize(1);
    }

    private long ticketsOf(Customer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = :id").param("id", customer.id().value())
                .query(Long.class).single();
    }

    private static TargetOutcome target(TicketDetail detail, SlaTarget target) {
        return detail.targets().stream().filter(t -> t.target() == target).findFirst().orElseThrow();
    }

    /** Runs the work on {@code threads} threads started together, and returns what each returned. */
    private static <T> List<T> together(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The timeline without the assignment's decisions, which {@link AssignmentTests} checks. */
    private static List<TimelineEntry> withoutAssignment(TicketDetail ticket) {
        return ticket.timeline().stream().filter(entry -> !entry.code().startsWith("ticket.timeline.assignment."))
                .toList();
    }
}
