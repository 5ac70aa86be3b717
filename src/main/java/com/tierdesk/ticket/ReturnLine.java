package com.tierdesk.ticket;

import java.math.BigDecimal;

/**
 * An order line coming back.
 *
 * @param amount the share of the order line's amount for the quantity coming back
 */
public record ReturnLine(int lineNo, String productCode, String productName, int quantity, BigDecimal amount) {
}
