package com.tierdesk.task;

/** A task change the list refuses: a bad value (HTTP 422) or a task in the wrong state (409). */
public class TaskRefused extends RuntimeException {

    private final String field;
    private final boolean conflict;

    private TaskRefused(String field, String reason, boolean conflict) {
        super(reason);
        this.field = field;
        this.conflict = conflict;
    }

    static TaskRefused invalid(String field, String reason) {
        return new TaskRefused(field, reason, false);
    }

    static TaskRefused conflict(String field, String reason) {
        return new TaskRefused(field, reason, true);
    }

    public String field() {
        return field;
    }

    public boolean conflict() {
        return conflict;
    }
}
