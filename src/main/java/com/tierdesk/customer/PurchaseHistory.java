package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A customer's purchases as of a month: spend and paid orders in each of the {@value #MONTHS} months
 * ending with {@code asOf} (index 0 is the oldest month, index {@code MONTHS - 1} is {@code asOf}), and
 * lifetime figures. Spend is paid order amounts minus refunds, in cents (CNY fen), by the business month
 * of payment. Built in bulk, so the months are plain arrays: read them, never change them. The 12-month
 * figures are those of the window the metrics as of a day of {@code asOf} count: the 12 complete months
 * before {@code asOf} (docs/metrics.md); {@code asOf} itself is the month to date.
 *
 * @param lastPaidAt the latest payment of an order that counts as paid, in any month
 */
public record PurchaseHistory(CustomerId customerId, YearMonth asOf, long[] monthlySpendCents,
        int[] monthlyPaidOrders, Instant firstOrderAt, Instant lastOrderAt, Instant lastPaidAt, int lifetimeOrders,
        int lifetimePaidOrders, long lifetimeSpendCents) {

    public static final int MONTHS = 24;

    /** One month of the window, for display. */
    public record MonthlyPurchase(YearMonth month, BigDecimal spend, int paidOrders) {
    }

    public PurchaseHistory {
        if (monthlySpendCents.length != MONTHS || monthlyPaidOrders.length != MONTHS) {
            throw new IllegalArgumentException("a purchase history holds " + MONTHS + " months");
        }
    }

    /** The history of a customer who never ordered. */
    public static PurchaseHistory none(CustomerId customerId, YearMonth asOf) {
        return new PurchaseHistory(customerId, asOf, new long[MONTHS], new int[MONTHS], null, null, null, 0, 0, 0);
    }

    public YearMonth month(int index) {
        return asOf.minusMonths(MONTHS - 1L - index);
    }

    /** The index of the month in the window, or -1 if it is outside. */
    public int indexOf(YearMonth month) {
        long back = month.until(asOf, ChronoUnit.MONTHS);
        return back < 0 || back >= MONTHS ? -1 : (int) (MONTHS - 1 - back);
    }

    public BigDecimal spend(YearMonth month) {
        int index = indexOf(month);
        return index < 0 ? null : BigDecimal.valueOf(monthlySpendCents[index], 2);
    }

    public int paidOrders(YearMonth month) {
        int index = indexOf(month);
        return index < 0 ? 0 : monthlyPaidOrders[index];
    }

    /** The oldest month of the window: {@value ActivityWindow#MONTHS} months before {@code asOf}. */
    public YearMonth windowFirstMonth() {
        return asOf.minusMonths(ActivityWindow.MONTHS);
    }

    /** The latest month of the window, the one before {@code asOf}. */
    public YearMonth windowLastMonth() {
        return asOf.minusMonths(1);
    }

    /** Spend in the window, the 12 complete months before {@code asOf}. */
    public BigDecimal spendInWindow() {
        return spendIn(windowFirstMonth(), windowLastMonth());
    }

    /** Paid orders in the window, the 12 complete months before {@code asOf}. */
    public int paidOrdersInWindow() {
        return paidOrdersIn(windowFirstMonth(), windowLastMonth());
    }

    /** Spend in the months from {@code first} to {@code last}, both included; months outside the history count nothing. */
    public BigDecimal spendIn(YearMonth first, YearMonth last) {
        long cents = 0;
        for (int i = 0; i < MONTHS; i++) {
            cents += within(i, first, last) ? monthlySpendCents[i] : 0;
        }
        return BigDecimal.valueOf(cents, 2);
    }

    /** Paid orders in the months from {@code first} to {@code last}, both included. */
    public int paidOrdersIn(YearMonth first, YearMonth last) {
        int count = 0;
        for (int i = 0; i < MONTHS; i++) {
            count += within(i, first, last) ? monthlyPaidOrders[i] : 0;
        }
        return count;
    }

    private boolean within(int index, YearMonth first, YearMonth last) {
        YearMonth month = month(index);
        return !month.isBefore(first) && !month.isAfter(last);
    }

    public BigDecimal lifetimeSpend() {
        return BigDecimal.valueOf(lifetimeSpendCents, 2);
    }

    /** The window month by month, oldest first. */
    public List<MonthlyPurchase> months() {
        var months = new ArrayList<MonthlyPurchase>(MONTHS);
        for (int i = 0; i < MONTHS; i++) {
            months.add(new MonthlyPurchase(month(i), BigDecimal.valueOf(monthlySpendCents[i], 2), monthlyPaidOrders[i]));
        }
        return months;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PurchaseHistory h && customerId.equals(h.customerId) && asOf.equals(h.asOf)
                && Arrays.equals(monthlySpendCents, h.monthlySpendCents)
                && Arrays.equals(monthlyPaidOrders, h.monthlyPaidOrders)
                && Objects.equals(firstOrderAt, h.firstOrderAt) && Objects.equals(lastOrderAt, h.lastOrderAt)
                && Objects.equals(lastPaidAt, h.lastPaidAt) && lifetimeOrders == h.lifetimeOrders
                && lifetimePaidOrders == h.lifetimePaidOrders && lifetimeSpendCents == h.lifetimeSpendCents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, asOf, Arrays.hashCode(monthlySpendCents), Arrays.hashCode(monthlyPaidOrders),
                lastPaidAt, lifetimeOrders, lifetimeSpendCents);
    }

    @Override
    public String toString() {
        return "PurchaseHistory[" + customerId + " as of " + asOf + ", spendCents=" + Arrays.toString(monthlySpendCents)
                + ", paidOrders=" + Arrays.toString(monthlyPaidOrders) + ", first=" + firstOrderAt + ", last="
                + lastOrderAt + ", lastPaid=" + lastPaidAt + ", lifetime " + lifetimeOrders + "/" + lifetimePaidOrders
                + " orders, " + lifetimeSpend() + "]";
    }
}
