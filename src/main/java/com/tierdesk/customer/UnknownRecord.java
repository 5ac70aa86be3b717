package com.tierdesk.customer;

/** No customer, order or interaction has the given key. */
public class UnknownRecord extends RuntimeException {

    private final String field;

    public UnknownRecord(String what, String field, Object key) {
        super("no " + what + " with " + field + " '" + key + "'");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
