package com.tierdesk.shared;

import java.util.List;

/** Input that breaks the rules, with every problem found (HTTP 422). */
public final class InvalidInput extends Refusal {

    public InvalidInput(List<FieldProblem> problems) {
        super(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
    }

    public static InvalidInput of(String field, Reason reason) {
        return new InvalidInput(List.of(new FieldProblem(field, reason)));
    }

    public static InvalidInput of(String field, String code, Object... arguments) {
        return of(field, Reason.of(code, arguments));
    }
}
