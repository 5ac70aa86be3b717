package com.tierdesk.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.tierdesk.StatementCounter;
import com.tierdesk.customer.Consent;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.CustomerTierTimeline;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.TierTimelineEntry;
import com.tierdesk.security.AuditEvent;
import com.tierdesk.security.AuditLog;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.tiering.TierOverride.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@RecordApplicationEvents
@Import(StatementCounter.class)
class TierOverridesTests {

    static final Duration LISTENERS = Duration.ofSeconds(20);

    @Autowired
    TierOverrides overrides;

    @Autowired
    CustomerTiers customerTiers;

    @Autowired
    Assessments assessments;

    @Autowired
    RunDecisions decisions;

    @Autowired
    Customers customers;

    @Autowired
    CustomerActivity activity;

    @Autowired
    CustomerTierTimeline customerTimeline;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEvents events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventSerializer serializer;

    @Test
    void anApprovedOverrideSetsTheTierUntilItExpiresThenTheAssessedTierApplies() {
        Customer customer = aCustomer();
        AssessmentRun run = publishRunFor(customer);
        String assessed = customerTiers.current(customer.id()).orElseThrow().tier();
        String other = assessed.equals("VIP") ? "KEY" : "VIP";
        LocalDate today = activity.today();

        TierOverride requested = overrides.request(customer.code(), other, "strategic account signed a framework contract",
                today.plusDays(30), "manager");
        TierOverride active = overrides.approve(requested.id(), "supervisor", "agreed with sales");

        assertThat(active.status()).isEqualTo(Status.ACTIVE);
        assertThat(customerTiers.current(customer.id())).hasValueSatisfying(current -> {
            assertThat(current.tier()).isEqualTo(other);
            assertThat(current.assessedTier()).isEqualTo(assessed);
            assertThat(current.overrideId()).isEqualTo(active.id());
        });
        publishRunFor(customer);
        assertThat(customerTiers.current(customer.id()).orElseThrow().tier()).as("a run does not undo an override").isEqualTo(other);

        assertThat(overrides.expire(today.plusDays(29))).isZero();
        overrides.expire(today.plusDays(30));

        TierOverride expired = overrides.get(active.id());
        assertThat(expired.status()).isEqualTo(Status.EXPIRED);
        assertThat(expired.endedBy()).isEqualTo("system");
        assertThat(expired.decisionNote()).as("the approver's note stays").isEqualTo("agreed with sales");
        assertThat(customerTiers.current(customer.id()).orElseThrow().tier()).isEqualTo(assessed);
        assertThat(customerTiers.timeline(customer.id())).extracting(TierChange::source, TierChange::tier).containsExactly(
                tuple(TierChange.Source.RUN, assessed), tuple(TierChange.Source.OVERRIDE, other),
                tuple(TierChange.Source.OVERRIDE_ENDED, assessed));
        assertThat(customerTiers.timeline(customer.id()).get(0).overrideId()).as("a run's change has no override").isNull();
        assertThat(customerTiers.timeline(customer.id())).extracting(TierChange::note)
                .as("each change with the note of its decision; an expiry has none")
                .containsExactly("approved in the test's run", "agreed with sales", null);
        assertThat(events.stream(TierOverrideEvent.class).filter(e -> e.overrideId() == active.id()))
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("Requested", "Approved", "Expired");
        assertThat(events.stream(TierChanged.class).filter(e -> e.customerId().equals(customer.id())))
                .extracting(TierChanged::to, TierChanged::source)
                .containsExactly(tuple(other, TierChange.Source.OVERRIDE), tuple(assessed, TierChange.Source.OVERRIDE_ENDED));

        await().atMost(LISTENERS).untilAsserted(() -> {
            assertThat(auditOf(customer)).extracting(AuditEvent::action, AuditEvent::actor).containsExactlyInAnyOrder(
                    tuple("OVERRIDE_REQUESTED", "manager"), tuple("OVERRIDE_APPROVED", "supervisor"),
                    tuple("OVERRIDE_EXPIRED", "system"));
            assertThat(customerTimeline.of(customer.id())).as("the customer module's own timeline, newest first")
                    .extracting(TierTimelineEntry::cause, TierTimelineEntry::causeId, TierTimelineEntry::tier,
                            TierTimelineEntry::note)
                    .containsExactly(tuple(TierTimelineEntry.Cause.OVERRIDE_ENDED, active.id(), assessed, null),
                            tuple(TierTimelineEntry.Cause.OVERRIDE, active.id(), other, "agreed with sales"),
                            tuple(TierTimelineEntry.Cause.ASSESSMENT, run.id().value(), assessed, "approved in the test's run"));
        });
        assertThat(auditOf(customer)).filteredOn(e -> e.action().equals("OVERRIDE_APPROVED")).singleElement()
                .satisfies(e -> assertThat(e.occurredAt()).as("when it happened, not when the listener ran")
                        .isEqualTo(active.decidedAt()));
    }

    @Test
    void anOverrideCanGradeACustomerNoRunHasAssessedAndRevokingItLeavesNoTier() {
        Customer customer = aCustomer();
        TierOverride override = overrides.request(customer.code(), "VIP", "CEO's account", activity.today().plusDays(10), "manager");
        overrides.approve(override.id(), "supervisor", null);
        assertThat(customerTiers.current(customer.id()).orElseThrow().tier()).isEqualTo("VIP");

        overrides.revoke(override.id(), "Supervisor.Two", "account moved");

        TierOverride revoked = overrides.get(override.id());
        assertThat(revoked.status()).isEqualTo(Status.REVOKED);
        assertThat(revoked.endedBy()).isEqualTo("Supervisor.Two");
        assertThat(revoked.endNote()).isEqualTo("account moved");
        assertThat(revoked.decidedBy()).isEqualTo("supervisor");
        assertThat(customerTiers.current(customer.id())).isEmpty();
        assertThat(events.stream(TierChanged.class).filter(e -> e.customerId().equals(customer.id())))
                .extracting(TierChanged::from, TierChanged::to, TierChanged::note)
                .containsExactly(tuple(null, "VIP", null), tuple("VIP", null, "account moved"));
    }

    @Test
    void aTierChangeStoredBeforeChangesCarriedTheirNoteIsStillDelivered() {
        TierChanged change = new TierChanged(CustomerId.of(7), "KEY", "VIP", Instant.parse("2026-03-01T02:00:00Z"),
                TierChange.Source.OVERRIDE, null, 3L, "strategic partner");
        String stored = serializer.serialize(change).toString().replace(",\"note\":\"strategic partner\"", "");
        assertThat(stored).as("the event as the registry stored it before").doesNotContain("note");

        assertThat(serializer.deserialize(stored, TierChanged.class)).isEqualTo(new TierChanged(CustomerId.of(7), "KEY",
                "VIP", Instant.parse("2026-03-01T02:00:00Z"), TierChange.Source.OVERRIDE, null, 3L, null));
    }

    @Test
    void refusesOverridesWithoutReasonApproverOrValidExpiry() {
        Customer customer = aCustomer();
        LocalDate today = activity.today();

        assertThatThrownBy(() -> overrides.request(customer.code(), "GOLD", " ", today, "manager"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("tier", "reason", "expiresOn"));
        TierOverride requested = overrides.request(customer.code(), "KEY", "pilot project", today.plusDays(5), "manager");
        assertThatThrownBy(() -> overrides.approve(requested.id(), "manager", null))
                .isInstanceOf(Conflict.class).hasMessageContaining("another supervisor");
        assertThatThrownBy(() -> overrides.approve(requested.id(), "MANAGER ", null)).as("the same account, spelt otherwise")
                .isInstanceOf(Conflict.class).hasMessageContaining("another supervisor");
        assertThatThrownBy(() -> overrides.request(customer.code(), "VIP", "again", today.plusDays(5), "manager"))
                .isInstanceOf(Conflict.class).hasMessageContaining("REQUESTED");
        assertThatThrownBy(() -> overrides.reject(requested.id(), "supervisor", "")).isInstanceOf(InvalidInput.class);
        assertThat(overrides.reject(requested.id(), "supervisor", "no contract yet").status()).isEqualTo(Status.REJECTED);
        assertThat(customerTiers.current(customer.id())).isEmpty();
        assertThat(overrides.request(customer.code(), "VIP", "contract signed", today.plusDays(5), "manager").status())
                .as("a rejected request leaves room for a new one").isEqualTo(Status.REQUESTED);
    }

    @Test
    void refusesReasonsAndNotesLongerThanTheirColumnsOrWithControlCharactersAndWritesNothing() {
        Customer customer = aCustomer();
        LocalDate until = activity.today().plusDays(30);
        String huge = "很".repeat(5_000_000);

        assertRefused(() -> overrides.request(customer.code(), "VIP", "x".repeat(1001), until, "manager"), "reason");
        assertRefused(() -> overrides.request(customer.code(), "VIP", huge, until, "manager"), "reason");
        assertRefused(() -> overrides.request(customer.code(), "VIP", "beep\u0007", until, "manager"), "reason");
        assertRefused(() -> overrides.request(customer.code(), "VIP", "half \uD800 a character", until, "manager"), "reason");
        assertThat(overrides.ofCustomer(customer.id())).isEmpty();

        TierOverride requested = overrides.request(customer.code(), "VIP", "framework contract", until, "manager");
        assertRefused(() -> overrides.approve(requested.id(), "supervisor", huge), "note");
        assertRefused(() -> overrides.approve(requested.id(), "supervisor", "ok\u001b[31m"), "note");
        assertRefused(() -> overrides.reject(requested.id(), "supervisor", huge), "note");
        assertThat(overrides.get(requested.id()).status()).isEqualTo(Status.REQUESTED);

        overrides.approve(requested.id(), "supervisor", "signed,\nsee the contract");
        assertRefused(() -> overrides.revoke(requested.id(), "supervisor", huge), "note");
        assertThat(overrides.get(requested.id()).status()).isEqualTo(Status.ACTIVE);
        assertThat(overrides.get(requested.id()).decisionNote()).as("line breaks are fine in a note")
                .isEqualTo("signed,\nsee the contract");
    }

    @Test
    void aCustomerHasOneOpenOverrideEvenWhenTwoRequestsRace() throws Exception {
        Customer customer = aCustomer();
        LocalDate until = activity.today().plusDays(30);
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch secondSent = new CountDownLatch(1);
        CompletableFuture<TierOverride> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(status -> {
                    TierOverride override = overrides.request(customer.code(), "VIP", "first", until, "manager");
                    firstWritten.countDown();
                    awaitLatch(secondSent);
                    sleep(300);
                    return override;
                }));
        assertThat(firstWritten.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<TierOverride> second = CompletableFuture.supplyAsync(
                () -> overrides.request(customer.code(), "KEY", "second", until, "other.manager"));
        sleep(100);
        secondSent.countDown();

        assertThat(first.get(20, TimeUnit.SECONDS).status()).isEqualTo(Status.REQUESTED);
        assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(Conflict.class);
        assertThat(overrides.ofCustomer(customer.id())).extracting(TierOverride::reason).containsExactly("first");
    }

    @Test
    void listingOverridesTakesTheSameStatementsForOneOrManyOverrides() {
        LocalDate until = activity.today().plusDays(30);
        String reason = "listing " + UUID.randomUUID();
        List<String> codes = new java.util.ArrayList<>(List.of(aCustomer().code()));
        overrides.request(codes.get(0), "VIP", reason, until, "manager");
        var one = StatementCounter.count(() -> overrides.list(Status.REQUESTED, 1));
        for (int i = 0; i < 5; i++) {
            codes.add(aCustomer().code());
            overrides.request(codes.get(i + 1), "KEY", reason, until, "manager");
        }

        var six = StatementCounter.count(() -> overrides.list(Status.REQUESTED, 6));

        assertThat(six.result()).extracting(TierOverride::customerCode).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(six.statements()).as("one query for the overrides, one for their customers' codes")
                .isEqualTo(one.statements()).isEqualTo(2);
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field));
    }

    private List<AuditEvent> auditOf(Customer customer) {
        return audit.recent(500).stream().filter(e -> ("customer " + customer.code()).equals(e.subject())).toList();
    }

    private AssessmentRun publishRunFor(Customer customer) {
        AssessmentRun run = assessments.run(new AssessmentRequest(activity.today(), null, null,
                Segment.ofCodes(List.of(customer.code()))), TriggerKind.MANUAL, null, "analyst");
        decisions.approve(run.id(), "supervisor", "approved in the test's run");
        return decisions.publish(run.id());
    }

    private Customer aCustomer() {
        return customers.create(CustomerFixture.aCustomer().name("覆盖测试").kind(CustomerKind.COMPANY)
                .registeredOn(LocalDate.of(2024, 1, 1)).owner("manager").build());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
