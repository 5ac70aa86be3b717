package com.tierdesk.tiering.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a model definition's parts hold what they were given: lists keep a missing ({@code null}) element, so that
 * validation names it with its field rather than the definition failing to be read at all; and how a refusal quotes
 * a value back, never more than a few dozen characters of it.
 */
final class Definitions {

    private static final int MAX_QUOTE = 80;

    private Definitions() {
    }

    /** An unmodifiable copy that keeps {@code null} elements; empty for {@code null}. */
    static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The value as a refusal may quote it: at most {@value #MAX_QUOTE} characters, the rest counted. */
    static String quote(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_QUOTE ? text
                : text.substring(0, MAX_QUOTE) + "… (" + (text.length() - MAX_QUOTE) + " more characters)";
    }
}
