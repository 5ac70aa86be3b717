package com.tierdesk.tiering.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.tiering.scoring.TierDecision.Reason;
import com.tierdesk.tiering.scoring.TierPolicy.TierRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnRuleTests {

    static final TierPolicy POLICY = new TierPolicy(List.of(new TierRule("VIP", 90, 10), new TierRule("KEY", 70, 20),
            new TierRule("REGULAR", 50, 50), new TierRule("WATCH", 0, 20)), TierPolicy.Grading.THRESHOLDS, 100, 90, 2);

    @Test
    void theNinetiethDayWithoutAPaidOrderPutsTheCustomerInTheLastTierTheEightyNinthDoesNot() {
        TierDecision day89 = TierDecision.decide(POLICY, 0, 95, 90, 0, false, 89);
        TierDecision day90 = TierDecision.decide(POLICY, 0, 95, 90, 0, false, 90);

        assertThat(day89.reason()).isEqualTo(Reason.GRADED);
        assertThat(day89.tier()).isZero();
        assertThat(day90.reason()).isEqualTo(Reason.CHURN);
        assertThat(day90.tier()).isEqualTo(3);
    }
}
