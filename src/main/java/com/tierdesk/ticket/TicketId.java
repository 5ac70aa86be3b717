package com.tierdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a ticket across modules. */
public record TicketId(@JsonValue long value) {

    public static TicketId of(long value) {
        return new TicketId(value);
    }
}
