package com.tierdesk.tiering;

/** A model, run, override or customer result that does not exist (HTTP 404). */
public class UnknownTieringRecord extends RuntimeException {

    private final String field;

    public UnknownTieringRecord(String what, String field, Object value) {
        super("no " + what + " with " + field + " " + value);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
