package com.tierdesk.sla.internal;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SLA engine's one input policy, for the API, the console and files alike: texts pass the {@link TextRules}
 * (no control characters, no lone surrogates, no more than their column holds), instants and years lie where
 * tickets live, and a refusal quotes at most a capped piece of the value ({@link ApiProblems#echo}).
 */
public final class SlaInputs {

    /** The years a ticket, a deadline or a holiday of this engine may lie in. */
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2200;
    /** The years a calendar may hold holidays for (and a year view show). */
    public static final int FIRST_HOLIDAY_YEAR = 1900;

    private static final Instant EARLIEST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LATEST = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private SlaInputs() {
    }

    /** A value as a refusal may quote it. */
    public static String quoted(Object value) {
        return "'" + ApiProblems.echo(value) + "'";
    }

    /** The stripped text, or null with a problem if it breaks the text rules; null stays null. */
    public static String line(String field, String value, int maxLength, List<FieldProblem> problems) {
        return checked(field, value, TextRules.line(value, maxLength), problems);
    }

    /** Like {@link #line}, and present. */
    public static String requiredLine(String field, String value, int maxLength, List<FieldProblem> problems) {
        return checked(field, value, TextRules.requiredLine(value, maxLength), problems);
    }

    private static String checked(String field, String value, Optional<Reason> reason, List<FieldProblem> problems) {
        if (reason.isPresent()) {
            problems.add(new FieldProblem(field, reason.get()));
            return null;
        }
        return value == null ? null : value.strip();
    }

    /**
     * The constant named by {@code text}, case and separators aside ({@code urgent request} is URGENT_REQUEST);
     * null with a problem for {@code field} if there is none; null without one if {@code optional} and the text is
     * empty, {@code *} or {@code any}.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text, boolean optional,
            List<FieldProblem> problems) {
        Optional<Reason> forbidden = TextRules.line(text, 64);
        if (forbidden.isPresent()) {
            problems.add(new FieldProblem(field, forbidden.get()));
            return null;
        }
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || (optional && (value.equals("*") || value.equalsIgnoreCase("any")))) {
            if (!optional) {
                problems.add(FieldProblem.of(field, "problem.missing"));
            }
            return null;
        }
        String name = value.toUpperCase(Locale.ROOT).replaceAll("[\\s/-]+", "_");
        Optional<E> found = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            problems.add(FieldProblem.of(field, "problem.unknown-value", field.replaceAll(".*\\.", "").replaceAll("\\[\\d+]", ""),
                    ApiProblems.echo(value), Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        }
        return found.orElse(null);
    }

    /** Whether the instant lies in the years tickets live in; a problem for {@code field} if not. */
    public static boolean instant(String field, Instant instant, List<FieldProblem> problems) {
        if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST))) {
            problems.add(FieldProblem.of(field, "problem.between-years", FIRST_YEAR, LAST_YEAR));
            return false;
        }
        return true;
    }

    /** Whether a calendar year can hold holidays; a problem for {@code field} if not. */
    public static boolean holidayYear(String field, int year, List<FieldProblem> problems) {
        if (year < FIRST_HOLIDAY_YEAR || year > LAST_YEAR) {
            problems.add(FieldProblem.of(field, "problem.between", FIRST_HOLIDAY_YEAR, LAST_YEAR));
            return false;
        }
        return true;
    }

    /** At most {@code max} items; one problem for the whole list if more, so that no answer lists them all. */
    public static boolean atMost(String field, List<?> items, int max, List<FieldProblem> problems) {
        if (items != null && items.size() > max) {
            problems.add(FieldProblem.of(field, "problem.too-many", items.size(), max));
            return false;
        }
        return true;
    }
}
