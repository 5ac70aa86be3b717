package com.tierdesk.tiering;

/** A request that the current state refuses, such as approving one's own run (HTTP 409). */
public class TieringConflict extends RuntimeException {

    private final String field;

    public TieringConflict(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
