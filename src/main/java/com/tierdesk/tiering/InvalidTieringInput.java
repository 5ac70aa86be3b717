package com.tierdesk.tiering;

import com.tierdesk.tiering.scoring.ModelProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Input the tiering engine refuses: every problem with its field path and reason (HTTP 422). */
public class InvalidTieringInput extends RuntimeException {

    private final transient List<ModelProblem> problems;

    public InvalidTieringInput(List<ModelProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidTieringInput of(String field, String reason) {
        return new InvalidTieringInput(List.of(new ModelProblem(field, reason)));
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
