package com.tierdesk.customer.internal;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Folds one customer's monthly activity rows, oldest first, into the {@link ActivityFigures} of the month
 * {@code month} (the month rollover): the window W is the 12 months before it, the spend baseline the 12 months
 * before W's two latest; the lifetime figures are given.
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
    private final PaySeconds paySeconds = new PaySeconds();

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
        paySeconds.clear();
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
            paySeconds.add(paySecondsList);
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

    ActivityFigures figures() {
        return new ActivityFigures(customer, industry, registeredOn, spend, paidOrders, activeMonths, recentHalf,
                earlierHalf, spendLastMonth, spendMonthBefore, spendBaseline, firstPaidAt, lastPaidAt, lifetimePaidOrders,
                paySeconds.medianMinutes(), complaints, referrals, interactions, newNeeds, lastCartAt,
                baselineActiveMonths);
    }
}
