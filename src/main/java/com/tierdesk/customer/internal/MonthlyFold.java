package com.tierdesk.customer.internal;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * Folds one customer's monthly activity rows, oldest first, into the {@link ActivityFigures} as of a date in the
 * month {@code month}: the window W is the 12 months before it, the spend baseline the 12 months before W's two
 * latest, and the lifetime figures count every month up to and including {@code month}. Month-end dates only: a
 * month's row holds the whole month.
 */
final class MonthlyFold {

    private final int month;
    private final int first;
    private final int recent;
    private final int lastMonth;
    private final int monthBefore;
    private final int baseline;

    private CustomerId customer;
    private String industry;
    private LocalDate registeredOn;
    private long spend;
    private int paidOrders;
    private int activeMonths;
    private int recentHalf;
    private int earlierHalf;
    private long spendLastMonth;
    private long spendMonthBefore;
    private long spendBaseline;
    private int baselineActiveMonths;
    private Instant firstPaidAt;
    private Instant lastPaidAt;
    private int lifetimePaidOrders;
    private int complaints;
    private int referrals;
    private int interactions;
    private int newNeeds;
    private Instant lastCartAt;
    private double[] paySeconds = new double[16];
    private int payCount;

    MonthlyFold(YearMonth month) {
        this.month = index(month);
        this.first = this.month - 12;
        this.recent = this.month - 6;
        this.lastMonth = this.month - 1;
        this.monthBefore = this.month - 2;
        this.baseline = this.month - 14;
    }

    /** Months counted from year 0, so that windows compare as integers. */
    static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    static int index(LocalDate monthStart) {
        return monthStart.getYear() * 12 + monthStart.getMonthValue() - 1;
    }

    void start(CustomerId customer, String industry, LocalDate registeredOn) {
        this.customer = customer;
        this.industry = industry;
        this.registeredOn = registeredOn;
        spend = 0;
        paidOrders = 0;
        activeMonths = 0;
        recentHalf = 0;
        earlierHalf = 0;
        spendLastMonth = 0;
        spendMonthBefore = 0;
        spendBaseline = 0;
        baselineActiveMonths = 0;
        firstPaidAt = null;
        lastPaidAt = null;
        lifetimePaidOrders = 0;
        complaints = 0;
        referrals = 0;
        interactions = 0;
        newNeeds = 0;
        lastCartAt = null;
        payCount = 0;
    }

    /** Keeps lifetime figures found elsewhere (the snapshot's, when only the window moves). */
    void lifetime(Instant firstPaidAt, Instant lastPaidAt, int lifetimePaidOrders, Instant lastCartAt) {
        this.firstPaidAt = firstPaidAt;
        this.lastPaidAt = lastPaidAt;
        this.lifetimePaidOrders = lifetimePaidOrders;
        this.lastCartAt = lastCartAt;
    }

    /** The window's part of a month's row. {@code paySeconds} may be null for a month outside W. */
    void window(int monthIndex, long spendCents, int paid, String paySecondsList, int complaintCount, int referralCount,
            int interactionCount, int newNeedCount) {
        if (monthIndex >= first && monthIndex < month) {
            spend += spendCents;
            paidOrders += paid;
            if (paid > 0) {
                activeMonths++;
            }
            if (monthIndex >= recent) {
                recentHalf += paid;
            } else {
                earlierHalf += paid;
            }
            complaints += complaintCount;
            referrals += referralCount;
            interactions += interactionCount;
            newNeeds += newNeedCount;
            addPaySeconds(paySecondsList);
        }
        if (monthIndex == lastMonth) {
            spendLastMonth += spendCents;
        } else if (monthIndex == monthBefore) {
            spendMonthBefore += spendCents;
        } else if (monthIndex >= baseline && monthIndex < monthBefore) {
            spendBaseline += spendCents;
            if (paid > 0) {
                baselineActiveMonths++;
            }
        }
    }

    /** The lifetime part of a month's row up to and including the date's month; later months are ignored. */
    void lifetime(int monthIndex, int paid, Instant monthFirstPaidAt, Instant monthLastPaidAt, Instant monthLastCartAt) {
        if (monthIndex > month) {
            return;
        }
        lifetimePaidOrders += paid;
        if (monthFirstPaidAt != null && (firstPaidAt == null || monthFirstPaidAt.isBefore(firstPaidAt))) {
            firstPaidAt = monthFirstPaidAt;
        }
        if (monthLastPaidAt != null && (lastPaidAt == null || monthLastPaidAt.isAfter(lastPaidAt))) {
            lastPaidAt = monthLastPaidAt;
        }
        if (monthLastCartAt != null && (lastCartAt == null || monthLastCartAt.isAfter(lastCartAt))) {
            lastCartAt = monthLastCartAt;
        }
    }

    private void addPaySeconds(String list) {
        if (list == null || list.isEmpty()) {
            return;
        }
        int from = 0;
        while (from <= list.length()) {
            int comma = list.indexOf(',', from);
            int to = comma < 0 ? list.length() : comma;
            if (payCount == paySeconds.length) {
                paySeconds = Arrays.copyOf(paySeconds, payCount * 2);
            }
            paySeconds[payCount++] = Double.parseDouble(list.substring(from, to));
            from = to + 1;
        }
    }

    ActivityFigures figures() {
        return new ActivityFigures(customer, industry, registeredOn, spend, paidOrders, activeMonths, recentHalf,
                earlierHalf, spendLastMonth, spendMonthBefore, spendBaseline, firstPaidAt, lastPaidAt, lifetimePaidOrders,
                medianMinutes(paySeconds, payCount), complaints, referrals, interactions, newNeeds, lastCartAt,
                baselineActiveMonths);
    }

    /**
     * The median of the first {@code count} values, each divided by 60, interpolated between the two middle values
     * as SQL's {@code PERCENTILE_CONT(0.5)} does; NaN without values.
     */
    static double medianMinutes(double[] seconds, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        Arrays.sort(seconds, 0, count);
        double lower = seconds[(count - 1) / 2] / 60;
        if (count % 2 == 1) {
            return lower;
        }
        double upper = seconds[count / 2] / 60;
        return lower + (upper - lower) * 0.5;
    }
}
