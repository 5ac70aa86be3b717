package com.tierdesk.tiering.internal;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.ActivityWindow;
import com.tierdesk.tiering.scoring.Metric;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Map;

/**
 * Turns a customer's activity figures into metric values as of the window's date, by the formulas of
 * {@code docs/metrics.md}. The purchase-probability metrics need the population's fitted model and are
 * filled in by {@link PurchaseProbability}; everything else is here.
 */
public final class MetricCalculator {

    static final int RECENT_CART_DAYS = 30;
    private static final long DAY_SECONDS = 86_400;

    private final ActivityWindow window;
    private final ZoneRules zone;
    private final Map<String, Double> industryGrowth;
    private final long asOfDay;

    /** @param industryGrowth growth in percent by industry, for the year of the date */
    public MetricCalculator(ActivityWindow window, ZoneId zone, Map<String, Double> industryGrowth) {
        this.window = window;
        this.zone = zone.getRules();
        this.industryGrowth = industryGrowth;
        this.asOfDay = window.asOf().toEpochDay();
    }

    public ActivityWindow window() {
        return window;
    }

    /** The metric's value for the customer; {@code NaN} when it does not exist (or for purchase probability). */
    public double value(Metric metric, ActivityFigures f) {
        return switch (metric) {
            case SPEND_12M -> f.spendCents() / 100.0;
            case ORDER_COUNT_12M -> f.paidOrders();
            case AVERAGE_ORDER_VALUE -> f.paidOrders() == 0 ? 0 : f.spendCents() / 100.0 / f.paidOrders();
            case RECENCY_DAYS -> f.lastPaidAt() == null ? Double.NaN : daysSince(f.lastPaidAt());
            case ORDER_GROWTH_RATE -> growth(f.ordersRecentHalf(), f.ordersEarlierHalf());
            case REPURCHASE_RATE -> f.activeMonths() / (double) ActivityWindow.MONTHS;
            case REFERRAL_RATE -> f.referrals() / (double) Math.max(1, f.paidOrders());
            case COMPLAINT_RATE -> f.complaints() / (double) Math.max(1, f.paidOrders());
            case INTERACTIONS_12M -> f.interactions();
            case ORDER_SPEED_MINUTES -> f.medianPayMinutes();
            case NEW_NEEDS_12M -> f.newNeeds();
            case INDUSTRY_GROWTH -> f.industry() == null ? Double.NaN : industryGrowth.getOrDefault(f.industry(), Double.NaN);
            case REPEAT_PURCHASES_12M -> Math.max(0, f.paidOrders()
                    - (f.firstPaidAt() != null && !f.firstPaidAt().isBefore(window.windowStart()) ? 1 : 0));
            case DAYS_SINCE_FIRST_PURCHASE -> f.firstPaidAt() == null ? Double.NaN : daysSince(f.firstPaidAt());
            case RECENT_CART_WITHOUT_ORDER -> recentCartWithoutOrder(f) ? 1 : 0;
            case PURCHASE_PROBABILITY, EXPECTED_PURCHASES -> Double.NaN;
        };
    }

    /** Days since the last paid order, or since registration for a customer who never paid (0 if unknown). */
    public long daysWithoutPaidOrder(ActivityFigures f) {
        if (f.lastPaidAt() != null) {
            return daysSince(f.lastPaidAt());
        }
        return f.registeredOn() == null ? 0 : Math.max(0, asOfDay - f.registeredOn().toEpochDay());
    }

    /** Orders in the last 6 months of W over the 6 months before, minus 1; +100% from nothing, 0 for nothing at all. */
    static double growth(int recent, int earlier) {
        if (earlier == 0) {
            return recent > 0 ? 1 : 0;
        }
        return recent / (double) earlier - 1;
    }

    private boolean recentCartWithoutOrder(ActivityFigures f) {
        Instant cart = f.lastCartAt();
        return cart != null && daysSince(cart) <= RECENT_CART_DAYS && (f.lastPaidAt() == null || f.lastPaidAt().isBefore(cart));
    }

    /** Whole days from the instant's business day to the date. */
    long daysSince(Instant instant) {
        long local = instant.getEpochSecond() + zone.getOffset(instant).getTotalSeconds();
        return asOfDay - Math.floorDiv(local, DAY_SECONDS);
    }
}
