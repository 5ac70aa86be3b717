package com.tierdesk.shared;

/**
 * A value that breaks a rule, thrown by pure code that parses or checks a value before the caller knows the field;
 * the caller turns it into a {@link FieldProblem} of its field. {@code part} names the piece of the value at fault
 * (e.g. the weekday of a calendar's hours), or is null. The message is English, for logs and tests.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String part;
    private final transient Reason reason;

    public InvalidValue(String part, Reason reason) {
        super(part == null ? reason.toString() : part + ": " + reason);
        this.part = part;
        this.reason = reason;
    }

    public InvalidValue(String code, Object... arguments) {
        this(null, Reason.of(code, arguments));
    }

    public String part() {
        return part;
    }

    public Reason reason() {
        return reason;
    }
}
