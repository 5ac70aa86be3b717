package com.tierdesk.tiering.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * The customer metrics a scoring model can use, as of a date D over the window W of the 12 complete months
 * before D's month. {@code docs/metrics.md} gives each formula; a value that does not exist for a customer
 * (the recency of a customer who never paid) is {@code NaN}, and an indicator scores it 0.
 */
public enum Metric {
    SPEND_12M("spend_12m", Unit.CNY),
    ORDER_COUNT_12M("order_count_12m", Unit.COUNT),
    AVERAGE_ORDER_VALUE("average_order_value", Unit.CNY),
    RECENCY_DAYS("recency_days", Unit.DAYS),
    ORDER_GROWTH_RATE("order_growth_rate", Unit.RATIO),
    REPURCHASE_RATE("repurchase_rate", Unit.RATIO),
    REFERRAL_RATE("referral_rate", Unit.RATIO),
    COMPLAINT_RATE("complaint_rate", Unit.RATIO),
    INTERACTIONS_12M("interactions_12m", Unit.COUNT),
    ORDER_SPEED_MINUTES("order_speed_minutes", Unit.MINUTES),
    NEW_NEEDS_12M("new_needs_12m", Unit.COUNT),
    INDUSTRY_GROWTH("industry_growth", Unit.PERCENT),
    PURCHASE_PROBABILITY("purchase_probability", Unit.RATIO),
    EXPECTED_PURCHASES("expected_purchases", Unit.COUNT),
    REPEAT_PURCHASES_12M("repeat_purchases_12m", Unit.COUNT),
    DAYS_SINCE_FIRST_PURCHASE("days_since_first_purchase", Unit.DAYS),
    RECENT_CART_WITHOUT_ORDER("recent_cart_without_order", Unit.FLAG);

    /** How a raw value reads. */
    public enum Unit { CNY, COUNT, DAYS, MINUTES, RATIO, PERCENT, FLAG }

    private final String key;
    private final Unit unit;

    Metric(String key, Unit unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The name models use for the metric. */
    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst();
    }

    /** Whether the metric needs the purchase-probability model fitted to the population. */
    public boolean needsPurchaseModel() {
        return this == PURCHASE_PROBABILITY || this == EXPECTED_PURCHASES;
    }
}
