package com.tierdesk.customer;

import java.math.BigDecimal;

/**
 * One product on an order.
 *
 * @param lineNo numbered from 1 in the order the shop system listed the lines; given by TierDesk
 * @param amount what the line costs in all (not per piece), in CNY
 */
public record OrderLine(int lineNo, String productCode, String productName, int quantity, BigDecimal amount) {
}
