package com.tierdesk.tiering;

import java.math.BigDecimal;

/**
 * What a tier's customers are promised beyond the SLA, from the benefits catalogue ({@code tierdesk.benefits}).
 *
 * @param freeReturnShipping    the shop pays the shipping of a return
 * @param returnWindowDays      how many days after payment a return or exchange may be requested
 * @param discountQuotaPercent  the discount the service desk may grant on its own, in percent of the order
 * @param priorityChannel       the customer reaches a dedicated line and queue
 */
public record TierBenefit(boolean freeReturnShipping, int returnWindowDays, BigDecimal discountQuotaPercent,
        boolean priorityChannel) {

    public static final int MAX_RETURN_WINDOW_DAYS = 365;

    public TierBenefit {
        if (returnWindowDays < 0 || returnWindowDays > MAX_RETURN_WINDOW_DAYS) {
            throw new IllegalArgumentException("a return window is 0 to " + MAX_RETURN_WINDOW_DAYS + " days, not "
                    + returnWindowDays);
        }
        discountQuotaPercent = discountQuotaPercent == null ? BigDecimal.ZERO : discountQuotaPercent;
        if (discountQuotaPercent.signum() < 0 || discountQuotaPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a discount quota is 0 to 100 %, not " + discountQuotaPercent);
        }
    }
}
