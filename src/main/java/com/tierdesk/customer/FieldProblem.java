package com.tierdesk.customer;

/** Why the value of one field was refused; {@code field} is null when the problem is not one field's. */
public record FieldProblem(String field, String reason) {
}
