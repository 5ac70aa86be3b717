package com.tierdesk.customer;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a customer across modules; other modules keep this, never the customer's row. */
public record CustomerId(@JsonValue long value) {

    public static CustomerId of(long value) {
        return new CustomerId(value);
    }
}
