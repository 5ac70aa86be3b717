package com.tierdesk.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.Conflict;
import com.tierdesk.tiering.TierOverride.Status;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TierOverrideTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    static final CustomerId CUSTOMER = CustomerId.of(42);

    @Test
    void eachTransitionReturnsTheEventItCauses() {
        assertThat(requested().approve("supervisor", "agreed with sales", TODAY, NOW))
                .isEqualTo(new TierOverrideEvent.Approved(7, CUSTOMER, "VIP", "supervisor", NOW, "agreed with sales"));
        assertThat(requested().reject("supervisor", "no contract yet", NOW))
                .isEqualTo(new TierOverrideEvent.Rejected(7, CUSTOMER, "supervisor", NOW, "no contract yet"));
        assertThat(inForce().revoke("supervisor", null, NOW))
                .isEqualTo(new TierOverrideEvent.Revoked(7, CUSTOMER, "VIP", "supervisor", NOW, null));
        assertThat(inForce().expire(TODAY.plusDays(30), NOW))
                .isEqualTo(new TierOverrideEvent.Expired(7, CUSTOMER, "VIP", TODAY.plusDays(30), NOW));
        assertThat(requested().requested()).isEqualTo(new TierOverrideEvent.Requested(7, CUSTOMER, "VIP",
                TODAY.plusDays(30), "framework contract", "am.li", NOW.minusSeconds(3600)));
    }

    @Test
    void theRequesterNeverApprovesWhateverTheSpellingOfTheAccountName() {
        assertThatThrownBy(() -> requested().approve("am.li", null, TODAY, NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("approver"));
        assertThatThrownBy(() -> requested().approve(" AM.Li ", null, TODAY, NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("approver"));
    }

    @Test
    void aTransitionFromTheWrongStateOrTooLateIsRefused() {
        assertThatThrownBy(() -> requested().approve("supervisor", null, TODAY.plusDays(30), NOW))
                .as("expired before approval").isInstanceOfSatisfying(Conflict.class,
                        e -> assertThat(e.field()).isEqualTo("expiresOn"));
        assertThatThrownBy(() -> inForce().approve("supervisor", null, TODAY, NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> requested().revoke("supervisor", null, NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> inForce().reject("supervisor", "late", NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> inForce().expire(TODAY.plusDays(29), NOW)).as("not due yet")
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("expiresOn"));
    }

    private static TierOverride requested() {
        return new TierOverride(7, CUSTOMER, "C7", "VIP", "framework contract", TODAY.plusDays(30), Status.REQUESTED,
                "am.li", NOW.minusSeconds(3600), null, null, null, null, null, null);
    }

    private static TierOverride inForce() {
        return new TierOverride(7, CUSTOMER, "C7", "VIP", "framework contract", TODAY.plusDays(30), Status.ACTIVE,
                "am.li", NOW.minusSeconds(3600), "supervisor", NOW.minusSeconds(60), null, null, null, null);
    }
}
