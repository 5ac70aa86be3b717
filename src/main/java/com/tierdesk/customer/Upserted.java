package com.tierdesk.customer;

/** The outcome of an idempotent write: what is stored now, and whether the write changed anything. */
public record Upserted<T>(T value, Outcome outcome) {

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
