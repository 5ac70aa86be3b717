package com.tierdesk.customer.web;

import com.tierdesk.customer.PurchaseHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A purchase history as the API shows it: amounts in CNY, months oldest first. The 12-month figures cover the window
 * from {@code windowFirstMonth} to {@code windowLastMonth}, the 12 complete months before {@code asOf}, the months
 * the tiering metrics count (docs/metrics.md); {@code asOf}, the last of {@code months}, is the month to date.
 */
record PurchaseHistoryResponse(String customerCode, YearMonth asOf, YearMonth windowFirstMonth,
        YearMonth windowLastMonth, BigDecimal spendLast12Months, int paidOrdersLast12Months, Instant firstOrderAt,
        Instant lastOrderAt, Instant lastPaidAt, int lifetimeOrders, int lifetimePaidOrders, BigDecimal lifetimeSpend,
        List<PurchaseHistory.MonthlyPurchase> months) {

    static PurchaseHistoryResponse of(String code, PurchaseHistory history) {
        return new PurchaseHistoryResponse(code, history.asOf(), history.windowFirstMonth(), history.windowLastMonth(),
                history.spendInWindow(), history.paidOrdersInWindow(), history.firstOrderAt(), history.lastOrderAt(),
                history.lastPaidAt(), history.lifetimeOrders(), history.lifetimePaidOrders(), history.lifetimeSpend(),
                history.months());
    }
}
