package com.tierdesk.customer;

/** Just enough of a customer to show in a list of someone else's records: id, code, name and owner. */
public record CustomerRef(CustomerId id, String code, String name, String owner) {
}
