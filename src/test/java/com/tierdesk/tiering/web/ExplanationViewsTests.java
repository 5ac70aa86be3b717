package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.shared.Label;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.TierExplanation;
import com.tierdesk.tiering.scoring.DecisionReason;
import com.tierdesk.tiering.scoring.GradingReason;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The decision in words, from the structured reasons, in Chinese and English; reasons stored without figures too. */
@SpringBootTest
class ExplanationViewsTests {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    ExplanationViews views;

    @Test
    void aThresholdReached() {
        var e = explanation(74.5, "KEY", "KEY", null, new GradingReason.Threshold(74.5, 70.0, 90.0, null),
                new DecisionReason.Graded());

        assertThat(decision(e, EN)).isEqualTo("Score 74.5 reaches Key (threshold 70).");
        assertThat(decision(e, ZH)).isEqualTo("得分 74.5 达到重点客户（门槛 70）。");
    }

    @Test
    void belowEveryThresholdAndThresholdsInsteadOfQuotas() {
        var below = explanation(12, "WATCH", "WATCH", null, new GradingReason.Threshold(12, null, 50.0, null),
                new DecisionReason.Graded());
        var fewCustomers = explanation(75, "KEY", "KEY", null, new GradingReason.Threshold(75, 70.0, 90.0, 100),
                new DecisionReason.Graded());

        assertThat(decision(below, EN)).isEqualTo("Score 12 is below 50, the threshold of Regular, so Watch.");
        assertThat(decision(below, ZH)).isEqualTo("得分 12 低于普通客户的门槛 50，因此为观察客户。");
        assertThat(decision(fewCustomers, EN))
                .isEqualTo("Score 75 reaches Key (threshold 70); thresholds apply, as quotas need at least 100 customers.");
    }

    @Test
    void aQuotaWithTheRankAndWithoutItForResultsStoredBeforeRanksWereKept() {
        var ranked = explanation(85, "KEY", "KEY", null, new GradingReason.Quota(85, 30L, 2_000, 10, 30, 70.0),
                new DecisionReason.Graded());
        var unranked = explanation(85, "KEY", "KEY", null, new GradingReason.Quota(85, null, 2_000, 10, 30, 70.0),
                new DecisionReason.Graded());

        assertThat(decision(ranked, EN))
                .isEqualTo("Score 85 ranks 30 of 2,000 (the best 1.5%), inside the quota of Key: the best 10% to 30%.");
        assertThat(decision(ranked, ZH)).isEqualTo("得分 85 在 2,000 位客户中排第 30（前 1.5%），位于重点客户的配额内（前 10% 至 30%）。");
        assertThat(decision(unranked, ZH)).isEqualTo("得分 85 位于重点客户的配额内（该层最低分 70）。");
    }

    @Test
    void rules() {
        assertThat(decision(explanation(null, "KEY", "KEY", null, new GradingReason.Rule(1, Label.of("high value")),
                new DecisionReason.Graded()), EN)).isEqualTo("Rule “high value” gives Key.");
        assertThat(decision(explanation(null, "WATCH", "WATCH", null, new GradingReason.Otherwise(),
                new DecisionReason.Graded()), ZH)).isEqualTo("没有规则成立，因此为观察客户。");
    }

    @Test
    void hysteresisAndDowngrades() {
        var threshold = new GradingReason.Threshold(88.5, 70.0, 90.0, null);
        var held = explanation(88.5, "KEY", "VIP", "VIP", threshold, new DecisionReason.Held(88.5, 90.0, 2));
        var heldByRules = explanation(null, "KEY", "VIP", "VIP", new GradingReason.Rule(1, Label.of("high value")),
                new DecisionReason.Held(null, null, 2));
        var twice = explanation(88.5, "KEY", "KEY", "VIP", threshold, new DecisionReason.DowngradedTwice(88.5, 90.0));
        var beyond = explanation(60, "REGULAR", "REGULAR", "VIP", new GradingReason.Threshold(60, 50.0, 70.0, null),
                new DecisionReason.DowngradedBeyondMargin(60, 90, 2));

        assertThat(decision(held, EN)).isEqualTo("Score 88.5 reaches Key (threshold 70), but the customer stays VIP: "
                + "score 88.5 is not more than 2 points below the floor 90 of VIP, and this is the first run below it.");
        assertThat(decision(heldByRules, EN)).isEqualTo("Rule “high value” gives Key, but the customer stays VIP: the first "
                + "run below it; a second run in a row below it moves the customer down.");
        assertThat(decision(twice, EN)).isEqualTo("Score 88.5 reaches Key (threshold 70), below VIP in a second run in a row.");
        assertThat(decision(beyond, ZH)).isEqualTo("得分 60 达到普通客户（门槛 50）：得分 60 比VIP 客户的下限 90 低了超过 2 分。");
    }

    @Test
    void theChurnRuleWithTheDaysAndWithoutThemForResultsStoredBeforeTheyWereKept() {
        var threshold = new GradingReason.Threshold(95, 90.0, null, null);

        assertThat(decision(explanation(95, "VIP", "WATCH", null, threshold, new DecisionReason.Churn(120L, 90)), EN))
                .isEqualTo("No paid order for 120 days (churn limit 90 days), so Watch whatever the score.");
        assertThat(decision(explanation(95, "VIP", "WATCH", null, threshold, new DecisionReason.Churn(null, 90)), ZH))
                .isEqualTo("在 90 天的流失期限内没有付款订单，因此无论得分如何均为观察客户。");
    }

    @Test
    void everyMetricIsWrittenInItsUnitAsEveryPageWritesIt() {
        Map<String, Double> metrics = Map.of("spend_12m", -1234.5, "repurchase_rate", 0.1254, "industry_growth", 8.5,
                "order_count_12m", 1200.0, "recency_days", Double.NaN);
        var e = explanation(74.5, "KEY", "KEY", null, new GradingReason.Threshold(74.5, 70.0, 90.0, null),
                new DecisionReason.Graded(), metrics);

        assertThat(views.of(e, EN).metrics()).extracting(ExplanationView.MetricRow::value)
                .containsExactlyInAnyOrder("-¥1,234.50", "0.125", "8.5%", "1,200", "—");
    }

    private String decision(TierExplanation explanation, Locale locale) {
        return views.of(explanation, locale).decision();
    }

    private static TierExplanation explanation(Number score, String graded, String tier, String previous,
            GradingReason grading, DecisionReason decision) {
        return explanation(score, graded, tier, previous, grading, decision, Map.of());
    }

    private static TierExplanation explanation(Number score, String graded, String tier, String previous,
            GradingReason grading, DecisionReason decision, Map<String, Double> metrics) {
        return new TierExplanation(RunId.of(1), Label.of("model"), 1, LocalDate.of(2026, 3, 31),
                new CustomerRef(CustomerId.of(1), "C1", "客户", null), score == null ? null : score.doubleValue(), graded, tier,
                decision.kind(), previous, false, false, grading, decision, metrics, null, List.of(), 2, 90,
                List.of("VIP", "KEY", "REGULAR", "WATCH"), null);
    }
}
