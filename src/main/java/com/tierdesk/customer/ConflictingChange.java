package com.tierdesk.customer;

/** A write that clashes with the stored data: a duplicate key, or a change made since the caller read it. */
public class ConflictingChange extends RuntimeException {

    private final String field;

    public ConflictingChange(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
