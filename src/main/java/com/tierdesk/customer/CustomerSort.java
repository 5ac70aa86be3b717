package com.tierdesk.customer;

/** Orders in which a customer search can list its results. */
public enum CustomerSort {
    NAME, CODE, CREATED, LIFETIME_SPEND
}
