package com.tierdesk.shared;

import java.util.List;

/**
 * A request a module refuses, for one of three reasons that every API answers the same way
 * ({@code ApiRequestProblems}): the input breaks the rules (422), the record does not exist (404), or the
 * current state does not allow it (409). Nothing was written.
 */
public abstract sealed class Refusal extends RuntimeException permits InvalidInput, NotFound, Conflict {

    private final transient List<FieldProblem> problems;

    Refusal(String message, List<FieldProblem> problems) {
        super(message, null, false, false);
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
}
