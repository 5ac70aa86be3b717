package com.tierdesk.task;

import java.util.List;

/**
 * Why the system created a task, without words: the task list says it in the reader's language with the message
 * {@code task.because.<code>} and the figures (plain text: ISO dates, numbers) as its arguments.
 */
public record TaskReason(String code, List<String> figures) {

    public TaskReason {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new IllegalArgumentException("a task reason's code is 1 to 64 capital letters, digits or _, not " + code);
        }
        figures = List.copyOf(figures);
    }
}
