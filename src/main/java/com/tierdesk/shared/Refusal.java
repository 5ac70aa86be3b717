package com.tierdesk.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request a module refuses, for one of three reasons that every API answers the same way
 * ({@code ApiRequestProblems}): the input breaks the rules (422), the record does not exist (404), or the
 * current state does not allow it (409). Nothing was written. The message is English, for logs; users read the
 * problems in their language through {@link ProblemMessages}.
 */
public abstract sealed class Refusal extends RuntimeException permits InvalidInput, NotFound, Conflict {

    private final transient List<FieldProblem> problems;

    Refusal(List<FieldProblem> problems) {
        super(null, null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each with its field. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** The field of the first problem, or null. */
    public String field() {
        return problems.isEmpty() ? null : problems.get(0).field();
    }

    @Override
    public String getMessage() {
        return problems.stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.reason())
                .collect(Collectors.joining("; "));
    }
}
