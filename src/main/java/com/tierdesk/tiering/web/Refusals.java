package com.tierdesk.tiering.web;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import java.util.List;

/** A refusal of the tiering services as the console lists it: every problem with its field. */
final class Refusals {

    private Refusals() {
    }

    static List<FieldProblem> of(RuntimeException e) {
        return e instanceof InvalidInput invalid ? invalid.problems()
                : e instanceof Conflict conflict ? List.of(new FieldProblem(conflict.field(), conflict.getMessage()))
                : List.of(new FieldProblem(null, e.getMessage()));
    }
}
