package com.tierdesk.sla;

import com.tierdesk.shared.FieldProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reading names of the SLA engine's kinds (types, priorities, targets…) from text, naming every mistake. */
public final class SlaInputs {

    private SlaInputs() {
    }

    /**
     * The constant named by {@code text}, case and separators aside ({@code urgent request} is URGENT_REQUEST);
     * null with a problem for {@code field} if there is none; null without one if {@code optional} and the text is
     * empty, {@code *} or {@code any}.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text, boolean optional,
            List<FieldProblem> problems) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || (optional && (value.equals("*") || value.equalsIgnoreCase("any")))) {
            if (!optional) {
                problems.add(new FieldProblem(field, "is missing"));
            }
            return null;
        }
        String name = value.toUpperCase(Locale.ROOT).replaceAll("[\\s/-]+", "_");
        Optional<E> found = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            problems.add(new FieldProblem(field, "unknown " + field.replaceAll(".*\\.", "") + " '" + value + "'; one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        }
        return found.orElse(null);
    }
}
