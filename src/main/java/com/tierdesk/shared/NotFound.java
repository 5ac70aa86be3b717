package com.tierdesk.shared;

import java.util.List;

/** No record has the given key (HTTP 404). */
public final class NotFound extends Refusal {

    /** E.g. {@code new NotFound("code", "problem.no-customer", "C1")}: "no customer with code 'C1'". */
    public NotFound(String field, String code, Object... arguments) {
        super(List.of(FieldProblem.of(field, code, arguments)));
    }
}
