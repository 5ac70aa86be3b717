package com.tierdesk.customer;

/** What a customer did or said outside of an order; docs/metrics.md tells which kinds count in which figure. */
public enum InteractionKind {
    INQUIRY, FEEDBACK, COMPLAINT, PRAISE, EVENT, REFERRAL, PRODUCT_USAGE, CART_WITHOUT_PURCHASE, FAVOURITE_WITHOUT_PURCHASE
}
