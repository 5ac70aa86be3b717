package com.tierdesk.customer.web;

import com.tierdesk.customer.PurchaseHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** A purchase history as the API shows it: amounts in CNY, months oldest first. */
record PurchaseHistoryResponse(String customerCode, YearMonth asOf, BigDecimal spendLast12Months,
        int paidOrdersLast12Months, Instant firstOrderAt, Instant lastOrderAt, Instant lastPaidAt, int lifetimeOrders,
        int lifetimePaidOrders, BigDecimal lifetimeSpend, List<PurchaseHistory.MonthlyPurchase> months) {

    static PurchaseHistoryResponse of(String code, PurchaseHistory history) {
        return new PurchaseHistoryResponse(code, history.asOf(), history.spendInLast(12), history.paidOrdersInLast(12),
                history.firstOrderAt(), history.lastOrderAt(), history.lastPaidAt(), history.lifetimeOrders(),
                history.lifetimePaidOrders(), history.lifetimeSpend(), history.months());
    }
}
