package com.tierdesk.customer;

/** A customer is a private person or a company (B2B). */
public enum CustomerKind {
    PERSON, COMPANY
}
