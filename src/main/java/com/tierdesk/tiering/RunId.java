package com.tierdesk.tiering;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an assessment run. */
public record RunId(@JsonValue long value) {

    public static RunId of(long value) {
        return new RunId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
