package com.tierdesk.tiering.web;

import com.tierdesk.tiering.InvalidTieringInput;
import com.tierdesk.tiering.TieringConflict;
import com.tierdesk.tiering.scoring.ModelProblem;
import java.util.List;

/** A refusal of the tiering services as the console lists it: every problem with its field. */
final class Refusals {

    private Refusals() {
    }

    static List<ModelProblem> of(RuntimeException e) {
        return e instanceof InvalidTieringInput invalid ? invalid.problems()
                : e instanceof TieringConflict conflict ? List.of(new ModelProblem(conflict.field(), conflict.getMessage()))
                : List.of(new ModelProblem(null, e.getMessage()));
    }
}
