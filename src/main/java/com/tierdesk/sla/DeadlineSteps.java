package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How a deadline was reached, as steps a person can check: each stretch of working time counted (its date, what
 * kind of day, local hours and length), the holidays and weekends skipped, the pauses; and the due instant.
 * Plain Java, no Spring.
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

    /** The steps in the calendar's own zone. */
    public static DeadlineSteps explain(BusinessCalendar calendar, Instant start, Duration duration, List<Pause> pauses) {
        return explain(calendar, start, duration, pauses, calendar.zone());
    }

    /**
     * The steps from {@code start} to the deadline {@code duration} of working time later, outside the pauses;
     * a 24×7 calendar, which has no zone of its own, is shown in {@code displayZone}, a day at a time.
     */
    public static DeadlineSteps explain(BusinessCalendar calendar, Instant start, Duration duration, List<Pause> pauses,
            ZoneId displayZone) {
        ZoneId zone = calendar.alwaysOpen() ? displayZone : calendar.zone();
        List<Pause> merged = Pause.merged(pauses);
        Instant due = calendar.add(start, duration, merged);
        var steps = new ArrayList<Step>();
        var counted = new ArrayList<BusinessCalendar.Interval>();
        for (BusinessCalendar.Interval interval : calendar.workingIntervals(start, due)) {
            for (BusinessCalendar.Interval piece : minus(interval, merged)) {
                counted.addAll(byDay(piece, zone));
            }
        }
        LocalDate previous = null;
        int pause = 0;
        for (BusinessCalendar.Interval interval : counted) {
            while (pause < merged.size() && !merged.get(pause).from().isAfter(interval.from())) {
                if (merged.get(pause).to().isAfter(start)) {
                    steps.add(new Paused(merged.get(pause).from(), merged.get(pause).to()));
                }
                pause++;
            }
            ZonedDateTime from = interval.from().atZone(zone);
            ZonedDateTime to = interval.to().atZone(zone);
            LocalDate date = from.toLocalDate();
            if (!calendar.alwaysOpen()) {
                skipped(calendar, previous == null ? start.atZone(zone).toLocalDate() : previous.plusDays(1),
                        date, steps);
            }
            boolean endOfDay = !to.toLocalDate().equals(date);
            steps.add(new Worked(date, calendar.kindOf(date), calendar.day(date).map(CalendarDay::name).orElse(""),
                    from.toLocalTime(), endOfDay ? LocalTime.MIDNIGHT : to.toLocalTime(), endOfDay, interval.length()));
            previous = date;
        }
        return new DeadlineSteps(calendar.code(), zone.getId(), start, duration, merged, merge(steps), due);
    }

    /** The interval cut at each local midnight. */
    private static List<BusinessCalendar.Interval> byDay(BusinessCalendar.Interval interval, ZoneId zone) {
        var pieces = new ArrayList<BusinessCalendar.Interval>();
        Instant from = interval.from();
        while (from.isBefore(interval.to())) {
            Instant midnight = from.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            Instant to = midnight.isBefore(interval.to()) ? midnight : interval.to();
            pieces.add(new BusinessCalendar.Interval(from, to));
            from = to;
        }
        return pieces;
    }

    /** Joins adjacent worked stretches of one date (24×7 days split only by pauses stay apart). */
    private static List<Step> merge(List<Step> steps) {
        var merged = new ArrayList<Step>();
        for (Step step : steps) {
            if (step instanceof Worked w && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Worked last
                    && last.date().equals(w.date()) && !last.endOfDay() && last.to().equals(w.from())) {
                merged.set(merged.size() - 1, new Worked(w.date(), w.kind(), w.dayName(), last.from(), w.to(),
                        w.endOfDay(), last.counted().plus(w.counted())));
            } else {
                merged.add(step);
            }
        }
        return merged;
    }

    private static void skipped(BusinessCalendar calendar, LocalDate from, LocalDate before, List<Step> steps) {
        Skipped run = null;
        for (LocalDate date = from; date.isBefore(before); date = date.plusDays(1)) {
            DayKind kind = calendar.kindOf(date);
            if (kind != DayKind.HOLIDAY && kind != DayKind.WEEKEND) {
                continue;
            }
            String name = calendar.day(date).map(CalendarDay::name).orElse("");
            if (run != null && run.kind() == kind && run.name().equals(name) && run.to().plusDays(1).equals(date)) {
                run = new Skipped(run.from(), date, kind, name);
                steps.set(steps.size() - 1, run);
            } else {
                run = new Skipped(date, date, kind, name);
                steps.add(run);
            }
        }
    }

    private static List<BusinessCalendar.Interval> minus(BusinessCalendar.Interval interval, List<Pause> pauses) {
        var pieces = new ArrayList<BusinessCalendar.Interval>();
        Instant from = interval.from();
        for (Pause pause : pauses) {
            if (!pause.to().isAfter(from) || !pause.from().isBefore(interval.to())) {
                continue;
            }
            if (pause.from().isAfter(from)) {
                pieces.add(new BusinessCalendar.Interval(from, pause.from()));
            }
            from = pause.to();
        }
        if (interval.to().isAfter(from)) {
            pieces.add(new BusinessCalendar.Interval(from, interval.to()));
        }
        return pieces;
    }
}
