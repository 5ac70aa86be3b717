package com.tierdesk.sla;

/** A calendar or policy version that does not exist. */
public class UnknownSlaRecord extends RuntimeException {

    private final String field;

    public UnknownSlaRecord(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
