package com.tierdesk.customer;

/** What a bulk import file holds. */
public enum ImportKind {
    CUSTOMERS, ORDERS, INTERACTIONS, TICKETS
}
