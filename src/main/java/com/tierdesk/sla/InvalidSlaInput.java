package com.tierdesk.sla;

import java.util.List;
import java.util.stream.Collectors;

/** Input the SLA engine refuses, with every problem found; nothing was written. */
public class InvalidSlaInput extends RuntimeException {

    private final transient List<SlaProblem> problems;

    public InvalidSlaInput(List<SlaProblem> problems) {
        super(problems.stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.reason())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidSlaInput of(String field, String reason) {
        return new InvalidSlaInput(List.of(new SlaProblem(field, reason)));
    }

    public List<SlaProblem> problems() {
        return problems;
    }
}
