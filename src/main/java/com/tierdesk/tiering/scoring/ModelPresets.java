package com.tierdesk.tiering.scoring;

import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.GradingRules.Band.Level;
import com.tierdesk.tiering.scoring.GradingRules.Band;
import com.tierdesk.tiering.scoring.GradingRules.Comparison;
import com.tierdesk.tiering.scoring.GradingRules.Condition;
import com.tierdesk.tiering.scoring.GradingRules.Rule;
import com.tierdesk.tiering.scoring.Indicator.Direction;
import com.tierdesk.tiering.scoring.Normalisation.Breakpoints.Point;
import com.tierdesk.tiering.scoring.Normalisation.Breakpoints;
import com.tierdesk.tiering.scoring.TierPolicy.Grading;
import java.util.ArrayList;
import java.util.List;

/**
 * The models TierDesk ships (docs/tiering.md), ready to use or to copy: the default Value / Potential / Loyalty
 * model, the RFM scorecard, and the simple rule-based grading. Amounts are CNY a year; breakpoints map a
 * raw value to a score and interpolate in between. The default model's breakpoints were set on two years of a
 * typical shop's history (the demo data: a median customer spends about 1,300 a year) so that its thresholds
 * give roughly 1% VIP, a quarter KEY and the rest REGULAR or WATCH; tune them to your own customers.
 */
public final class ModelPresets {

    public static final Label DEFAULT = new Label("价值 50 · 潜力 30 · 忠诚度 20", "Value 50 · Potential 30 · Loyalty 20");
    public static final Label RFM = new Label("RFM 评分卡", "RFM scorecard");
    public static final Label SIMPLE_RULES = new Label("简单规则", "Simple rules");

    private ModelPresets() {
    }

    public static List<ScoringModel> all() {
        return List.of(valuePotentialLoyalty(), rfmScorecard(), simpleRules());
    }

    /** Value 50% (spend 80, average order value 20), Potential 30% (four × 25), Loyalty 20% (50 / 25 / 25). */
    public static ScoringModel valuePotentialLoyalty() {
        return new ScoringModel(DEFAULT, new Label("默认模型：价值 50%（12 个月消费 80%、客单价 20%）、潜力 30%（行业增长、订单增长率、新需求、"
                + "购买概率各 25%）、忠诚度 20%（复购率 50%、推荐率 25%、投诉率 25%，反向）。阈值分级。",
                "The default model: Value 50% (12-month spend 80%, average order value 20%), Potential 30% (industry growth, "
                + "order growth rate, new needs and purchase probability 25% each), Loyalty 20% (repurchase rate 50%, "
                + "referral rate 25%, complaint rate 25%, inverted). Graded by thresholds."),
                List.of(new Dimension(new Label("价值", "Value"), 50, List.of(
                                higher(Metric.SPEND_12M, 80, 0, 0, 300, 25, 1_000, 50, 3_000, 75, 6_000, 92, 9_000, 100),
                                higher(Metric.AVERAGE_ORDER_VALUE, 20, 0, 0, 50, 30, 150, 60, 300, 85, 500, 100))),
                        new Dimension(new Label("潜力", "Potential"), 30, List.of(
                                higher(Metric.INDUSTRY_GROWTH, 25, -10, 0, 0, 40, 10, 80, 20, 100),
                                higher(Metric.ORDER_GROWTH_RATE, 25, -1, 0, 0, 50, 0.5, 80, 1, 100),
                                higher(Metric.NEW_NEEDS_12M, 25, 0, 20, 1, 60, 2, 85, 3, 100),
                                higher(Metric.PURCHASE_PROBABILITY, 25, 0, 0, 1, 100))),
                        new Dimension(new Label("忠诚度", "Loyalty"), 20, List.of(
                                higher(Metric.REPURCHASE_RATE, 50, 0, 0, 0.25, 50, 0.5, 85, 0.67, 100),
                                higher(Metric.REFERRAL_RATE, 25, 0, 20, 0.02, 60, 0.05, 100),
                                lower(Metric.COMPLAINT_RATE, 25, 0, 0, 0.1, 50, 0.3, 100)))),
                null, TierPolicy.standard(Grading.THRESHOLDS));
    }

    /**
     * Recency 20%, Frequency 15%, Monetary 35%, industry potential 15%, loyalty (repurchase rate) 15%, on absolute
     * breakpoints graded by the standard thresholds, so that a customer's tier does not depend on the others'. The
     * breakpoints put the scorecard's bands on the thresholds: a yearly spend of 500,000 (VIP) scores 90, 200,000
     * (Key) 70 and 50,000 (Regular) 50; a repurchase rate of 80% (VIP) scores 90; industry growth of +15% (high)
     * 90, +8% (medium) 70 and a shrinking industry (low) under 40. The worked example of docs/tiering.md (customers
     * A, B and C) scores 92, 74 and 46: VIP, Key and Watch.
     */
    public static ScoringModel rfmScorecard() {
        return new ScoringModel(RFM, new Label("RFM 评分卡：最近购买 20%、购买频次 15%、消费金额 35%、行业潜力 15%、忠诚度（复购率）15%。"
                + "绝对断点，按分数门槛分级（VIP ≥ 90、重点 ≥ 70、普通 ≥ 50）：年消费 50 万得 90 分、20 万得 70 分、5 万得 50 分；"
                + "复购率 80% 得 90 分；行业增长 +15% 得 90 分、+8% 得 70 分，负增长低于 40 分。",
                "RFM scorecard: Recency 20%, Frequency 15%, Monetary 35%, industry potential 15%, loyalty (repurchase rate) 15%. "
                + "Absolute breakpoints graded by score thresholds (VIP ≥ 90, Key ≥ 70, Regular ≥ 50): a yearly spend of 500,000 "
                + "scores 90, 200,000 scores 70, 50,000 scores 50; a repurchase rate of 80% scores 90; industry growth of +15% "
                + "scores 90, +8% scores 70, a shrinking industry under 40."),
                List.of(new Dimension(new Label("最近购买", "Recency"), 20, List.of(lower(Metric.RECENCY_DAYS, 100,
                                0, 0, 30, 10, 60, 25, 90, 45, 180, 80, 365, 100))),
                        new Dimension(new Label("购买频次", "Frequency"), 15, List.of(higher(Metric.ORDER_COUNT_12M, 100,
                                0, 0, 3, 50, 6, 70, 12, 90, 24, 100))),
                        new Dimension(new Label("消费金额", "Monetary"), 35, List.of(higher(Metric.SPEND_12M, 100,
                                0, 0, 50_000, 50, 200_000, 70, 500_000, 90, 1_000_000, 100))),
                        new Dimension(new Label("行业潜力", "Industry potential"), 15, List.of(higher(Metric.INDUSTRY_GROWTH, 100,
                                -20, 0, 0, 40, 8, 70, 15, 90, 30, 100))),
                        new Dimension(new Label("忠诚度", "Loyalty"), 15, List.of(higher(Metric.REPURCHASE_RATE, 100,
                                0, 0, 0.25, 50, 0.5, 70, 0.8, 90, 1, 100)))),
                null, TierPolicy.standard(Grading.THRESHOLDS));
    }

    /**
     * Plain figures instead of a score: VIP spends more than 10,000 a year with at least 10 orders; Key is
     * high value (≥ 10,000 a year or ≥ 5 repeat purchases); Regular is potential (first purchase under
     * 90 days ago, or a cart or favourite without an order in the last 30 days) or spends 5,000 or more;
     * everybody else is Watch. Bands label orders per year, yearly spend and order speed.
     */
    public static ScoringModel simpleRules() {
        var bands = List.of(
                new Band(new Label("年订单数", "orders per year"), Metric.ORDER_COUNT_12M.key(),
                        List.of(level("少", "few", 10.0, false), level("中", "medium", 50.0, true), level("多", "many", null, false))),
                new Band(new Label("年消费", "yearly spend"), Metric.SPEND_12M.key(),
                        List.of(level("低", "low", 5_000.0, false), level("中", "medium", 10_000.0, true), level("高", "high", null, false))),
                new Band(new Label("付款速度", "order speed"), Metric.ORDER_SPEED_MINUTES.key(),
                        List.of(level("快", "fast", 60.0, false), level("一般", "normal", 180.0, true), level("慢", "slow", null, false))));
        var rules = List.of(
                new Rule("VIP", new Label("高消费，订单中等或较多", "high spend, medium or many orders"), List.of(List.of(
                        condition(Metric.SPEND_12M, Comparison.GT, 10_000), condition(Metric.ORDER_COUNT_12M, Comparison.GE, 10)))),
                new Rule("KEY", new Label("高价值", "high value"), List.of(
                        List.of(condition(Metric.SPEND_12M, Comparison.GE, 10_000)),
                        List.of(condition(Metric.REPEAT_PURCHASES_12M, Comparison.GE, 5)))),
                new Rule("REGULAR", new Label("有潜力或中等消费", "potential or medium spend"), List.of(
                        List.of(condition(Metric.DAYS_SINCE_FIRST_PURCHASE, Comparison.LT, 90)),
                        List.of(condition(Metric.RECENT_CART_WITHOUT_ORDER, Comparison.EQ, 1)),
                        List.of(condition(Metric.SPEND_12M, Comparison.GE, 5_000)))));
        return new ScoringModel(SIMPLE_RULES, new Label("简单规则分级：按年消费、年订单数、复购次数与新客/加购信号直接定级，不计算分数。"
                + "VIP：年消费 > 10,000 且订单 ≥ 10；重点：高价值（年消费 ≥ 10,000 或 12 个月复购 ≥ 5 次）；"
                + "普通：潜力客户（首购不足 90 天，或近 30 天加购/收藏未下单）或年消费 ≥ 5,000；其余为观察。",
                "Simple rules: tiers straight from yearly spend, yearly orders, repeat purchases and new-customer or cart signals, "
                + "without a score. VIP: yearly spend > 10,000 and orders ≥ 10; Key: high value (yearly spend ≥ 10,000 or ≥ 5 "
                + "repeat purchases in 12 months); Regular: potential (first purchase under 90 days ago, or a cart or favourite "
                + "without an order in the last 30 days) or yearly spend ≥ 5,000; everybody else is Watch."),
                List.of(), new GradingRules(bands, rules, "WATCH"), TierPolicy.standard(Grading.RULES));
    }

    private static Level level(String zh, String en, Double upTo, boolean inclusive) {
        return new Level(new Label(zh, en), upTo, inclusive);
    }

    private static Condition condition(Metric metric, Comparison comparison, double value) {
        return new Condition(metric.key(), comparison, value);
    }

    private static Indicator higher(Metric metric, double weight, double... rawThenScore) {
        return new Indicator(metric.key(), breakpoints(rawThenScore), Direction.HIGHER_IS_BETTER, weight);
    }

    /** Less is better: the breakpoints score the raw value, and the direction inverts that score. */
    private static Indicator lower(Metric metric, double weight, double... rawThenScore) {
        return new Indicator(metric.key(), breakpoints(rawThenScore), Direction.LOWER_IS_BETTER, weight);
    }

    private static Breakpoints breakpoints(double... rawThenScore) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < rawThenScore.length; i += 2) {
            points.add(new Point(rawThenScore[i], rawThenScore[i + 1]));
        }
        return new Breakpoints(points);
    }
}
