package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something a customer did or said outside an order, keyed by its external id.
 *
 * @param usageHours            product usage hours ({@link InteractionKind#PRODUCT_USAGE})
 * @param featureActivationRate share of features activated, 0 to 1 ({@link InteractionKind#PRODUCT_USAGE})
 * @param referredCustomerCode  the new customer brought in ({@link InteractionKind#REFERRAL})
 */
public record InteractionDraft(String externalId, String customerCode, InteractionKind kind, Instant occurredAt,
        String channel, String subject, String detail, String product, BigDecimal usageHours,
        BigDecimal featureActivationRate, String referredCustomerCode) {
}
