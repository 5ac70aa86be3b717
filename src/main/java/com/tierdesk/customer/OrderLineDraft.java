package com.tierdesk.customer;

import java.math.BigDecimal;

/**
 * One product on an order as the shop system reports it; TierDesk numbers the lines in the order given.
 *
 * @param amount what the line costs in all (not per piece), in CNY
 */
public record OrderLineDraft(String productCode, String productName, Integer quantity, BigDecimal amount) {
}
