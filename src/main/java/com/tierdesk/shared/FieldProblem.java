package com.tierdesk.shared;

/**
 * Why one value was refused: the field (a JSON path such as {@code rows[3].duration}, a form field, or
 * {@code line 12} of a file) and the reason; {@code field} is null when the problem is not one field's.
 */
public record FieldProblem(String field, Reason reason) {

    /** E.g. {@code FieldProblem.of("name", "problem.too-long", 200)}. */
    public static FieldProblem of(String field, String code, Object... arguments) {
        return new FieldProblem(field, Reason.of(code, arguments));
    }

    /** The stable code of the reason, for clients to switch on. */
    public String code() {
        return reason.code();
    }

    /** The same reason for another field, e.g. a value's problem as the problem of the field that held it. */
    public FieldProblem at(String otherField) {
        return new FieldProblem(otherField, reason);
    }
}
