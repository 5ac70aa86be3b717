package com.tierdesk.customer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a customer did as of a date, for scoring: figures over the {@link ActivityWindow window} W and over the
 * whole history up to the date. Orders count when paid (not placed or cancelled), in the business month of
 * their payment; amounts are paid amounts minus refunds, in cents (CNY fen). Built in bulk, a million at a
 * time, so times are plain instants and a missing value is {@code null} (times) or {@code NaN} (median).
 *
 * @param spendCents            spend in W
 * @param paidOrders            paid orders in W
 * @param activeMonths          months of W with at least one paid order
 * @param ordersRecentHalf      paid orders in the last 6 months of W
 * @param ordersEarlierHalf     paid orders in the 6 months before those
 * @param spendLastMonthCents   spend in the latest month of W
 * @param spendMonthBeforeCents spend in the month before that
 * @param spendBaselineCents    spend in the 12 months before those two
 * @param firstPaidAt           the first payment ever, up to the date
 * @param lastPaidAt            the latest payment up to the date
 * @param lifetimePaidOrders    paid orders up to the date
 * @param medianPayMinutes      median minutes from placing to paying over the paid orders in W; NaN without any
 * @param complaints            complaints in W
 * @param referrals             referrals of new customers in W
 * @param interactions          interactions of any kind in W
 * @param newNeeds              inquiries and add-to-cart or favourites without a purchase in W
 * @param lastCartAt            the latest add-to-cart or favourite without a purchase, up to the date
 * @param baselineActiveMonths  months with a paid order among the 12 before the two latest months of W (the
 *                              spend baseline's months): a steady baseline has many
 */
public record ActivityFigures(CustomerId customerId, String industry, LocalDate registeredOn, long spendCents,
        int paidOrders, int activeMonths, int ordersRecentHalf, int ordersEarlierHalf, long spendLastMonthCents,
        long spendMonthBeforeCents, long spendBaselineCents, Instant firstPaidAt, Instant lastPaidAt,
        int lifetimePaidOrders, double medianPayMinutes, int complaints, int referrals, int interactions, int newNeeds,
        Instant lastCartAt, int baselineActiveMonths) {
}
