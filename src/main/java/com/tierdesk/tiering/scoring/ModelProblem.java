package com.tierdesk.tiering.scoring;

/** Why a scoring model definition is refused: the field (path in the definition) and the reason. */
public record ModelProblem(String field, String reason) {
}
