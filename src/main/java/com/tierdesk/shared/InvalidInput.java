package com.tierdesk.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks the rules, with every problem found (HTTP 422). */
public final class InvalidInput extends Refusal {

    public InvalidInput(List<FieldProblem> problems) {
        super(problems.stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.reason())
                .collect(Collectors.joining("; ")), problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
    }

    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new FieldProblem(field, reason)));
    }
}
