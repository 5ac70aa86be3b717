package com.tierdesk.shared;

/**
 * Why one value was refused: the field (a JSON path such as {@code rows[3].duration}, a form field, or
 * {@code line 12} of a file) and the reason; {@code field} is null when the problem is not one field's.
 */
public record FieldProblem(String field, String reason) {
}
