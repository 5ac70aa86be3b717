package com.tierdesk.shared;

import java.util.List;

/** No record has the given key (HTTP 404). */
public final class NotFound extends Refusal {

    /** E.g. {@code new NotFound("customer", "code", "C1")}: "no customer with code 'C1'". */
    public NotFound(String what, String field, Object key) {
        this(field, "no " + what + " with " + field + " '" + key + "'");
    }

    private NotFound(String field, String message) {
        super(message, List.of(new FieldProblem(field, message)));
    }

    /** A refusal whose message is given whole. */
    public static NotFound because(String field, String message) {
        return new NotFound(field, message);
    }
}
