package com.tierdesk.shared;

import java.util.List;

/**
 * A request the current state refuses (HTTP 409): a duplicate key, a change made since the caller read it,
 * approving one's own run, a record in the wrong state.
 */
public final class Conflict extends Refusal {

    public Conflict(String field, String code, Object... arguments) {
        super(List.of(FieldProblem.of(field, code, arguments)));
    }
}
