package com.tierdesk.tiering;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.AuditLog;
import com.tierdesk.tiering.TierOverride.Status;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@RecordApplicationEvents
class TierOverridesTests {

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
    AuditLog audit;

    @Autowired
    ApplicationEvents events;

    @Test
    void anApprovedOverrideSetsTheTierUntilItExpiresThenTheAssessedTierApplies() {
        Customer customer = aCustomer();
        publishRunFor(customer);
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

        assertThat(overrides.get(active.id()).status()).isEqualTo(Status.EXPIRED);
        assertThat(customerTiers.current(customer.id()).orElseThrow().tier()).isEqualTo(assessed);
        assertThat(customerTiers.timeline(customer.id())).extracting(TierChange::source, TierChange::tier).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TierChange.Source.RUN, assessed),
                org.assertj.core.groups.Tuple.tuple(TierChange.Source.OVERRIDE, other),
                org.assertj.core.groups.Tuple.tuple(TierChange.Source.OVERRIDE_ENDED, assessed));
        assertThat(customerTiers.timeline(customer.id()).get(0).overrideId()).as("a run's change has no override").isNull();
        assertThat(events.stream(TierChanged.class).filter(e -> e.customerId().equals(customer.id()) && e.overrideId() != null))
                .extracting(TierChanged::to).containsExactly(other, assessed);
        assertThat(audit.recent(50)).extracting(AuditEvent -> AuditEvent.action())
                .contains("OVERRIDE_REQUESTED", "OVERRIDE_APPROVED", "OVERRIDE_EXPIRED");
    }

    @Test
    void anOverrideCanGradeACustomerNoRunHasAssessedAndRevokingItLeavesNoTier() {
        Customer customer = aCustomer();
        TierOverride override = overrides.request(customer.code(), "VIP", "CEO's account", activity.today().plusDays(10), "manager");
        overrides.approve(override.id(), "supervisor", null);
        assertThat(customerTiers.current(customer.id()).orElseThrow().tier()).isEqualTo("VIP");

        overrides.revoke(override.id(), "supervisor", "account moved");

        assertThat(overrides.get(override.id()).status()).isEqualTo(Status.REVOKED);
        assertThat(customerTiers.current(customer.id())).isEmpty();
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
        assertThatThrownBy(() -> overrides.request(customer.code(), "VIP", "again", today.plusDays(5), "manager"))
                .isInstanceOf(Conflict.class).hasMessageContaining("REQUESTED");
        assertThatThrownBy(() -> overrides.reject(requested.id(), "supervisor", "")).isInstanceOf(InvalidInput.class);
        assertThat(overrides.reject(requested.id(), "supervisor", "no contract yet").status()).isEqualTo(Status.REJECTED);
        assertThat(customerTiers.current(customer.id())).isEmpty();
    }

    private void publishRunFor(Customer customer) {
        AssessmentRun run = assessments.run(new AssessmentRequest(activity.today(), null, null,
                Segment.ofCodes(List.of(customer.code()))), TriggerKind.MANUAL, null, "analyst");
        decisions.approve(run.id(), "supervisor", null);
        decisions.publish(run.id());
    }

    private Customer aCustomer() {
        return customers.create(CustomerFixture.aCustomer().name("覆盖测试").kind(CustomerKind.COMPANY)
                .registeredOn(LocalDate.of(2024, 1, 1)).owner("manager").build());
    }
}
