package com.tierdesk.customer;

/** Life cycle of an order; only paid, not cancelled orders count as spend. */
public enum OrderStatus {
    PLACED, PAID, SHIPPED, DELIVERED, CANCELLED, REFUNDED;

    /** Whether an order in this status, with a payment time, counts towards spend and paid-order counts. */
    public boolean countsAsPaid() {
        return this != PLACED && this != CANCELLED;
    }
}
