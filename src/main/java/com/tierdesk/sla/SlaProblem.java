package com.tierdesk.sla;

/** Why one value was refused: the field (a path such as {@code rows[3].duration} or {@code line 12}) and the reason. */
public record SlaProblem(String field, String reason) {
}
