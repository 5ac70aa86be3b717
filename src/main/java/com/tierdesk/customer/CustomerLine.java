package com.tierdesk.customer;

import java.math.BigDecimal;

/**
 * A customer as an exported list shows them: the customer (without tags), where they stand, and their paid orders
 * and lifetime spend to date (none and zero before any order).
 */
public record CustomerLine(Customer customer, CustomerStanding standing, int paidOrders, BigDecimal lifetimeSpend) {
}
