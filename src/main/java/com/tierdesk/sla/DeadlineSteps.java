package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * How a deadline was reached, as steps a person can check: each stretch of working time counted (its date, what
 * kind of day, local hours and length), the holidays and weekends skipped, the pauses; and the due instant. The
 * steps are the record of the computation that gave {@code due} ({@link BusinessCalendar#explain}), in the
 * zone {@code zone}.
 */
public record DeadlineSteps(String calendar, String zone, Instant start, Duration duration, List<Pause> pauses,
                            List<Step> steps, Instant due) {

    /** One line of the explanation. */
    public sealed interface Step permits Worked, Skipped, Paused {
    }

    /** Working time counted on one date: {@code from}–{@code to} local ({@code endOfDay} when it runs to 24:00). */
    public record Worked(LocalDate date, DayKind kind, String dayName, LocalTime from, LocalTime to, boolean endOfDay,
                         Duration counted) implements Step {
    }

    /** Consecutive dates without working time, of one kind (and holiday name). */
    public record Skipped(LocalDate from, LocalDate to, DayKind kind, String name) implements Step {
    }

    /** A pause that held the clock. */
    public record Paused(Instant from, Instant to) implements Step {
    }
}
