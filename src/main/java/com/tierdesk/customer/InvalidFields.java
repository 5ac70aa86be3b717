package com.tierdesk.customer;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks the field rules; nothing was written. */
public class InvalidFields extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidFields(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidFields of(String field, String reason) {
        return new InvalidFields(List.of(new FieldProblem(field, reason)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
