package com.tierdesk.sla.calendar;

import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.CalendarDay;
import com.tierdesk.sla.DayKind;
import com.tierdesk.sla.DeadlineSteps;
import com.tierdesk.sla.DeadlineSteps.Paused;
import com.tierdesk.sla.DeadlineSteps.Skipped;
import com.tierdesk.sla.DeadlineSteps.Step;
import com.tierdesk.sla.DeadlineSteps.Worked;
import com.tierdesk.sla.Pause;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes down, as steps a person can check, what a deadline computation counted: each stretch of working time
 * by local date, the holidays and weekends between them, the pauses it stepped over. It only listens
 * ({@link WorkingTime.Counting}); the due instant is the computation's own. Plain Java.
 */
public final class StepRecorder implements WorkingTime.Counting {

    private final BusinessCalendar calendar;
    private final ZoneId zone;
    private final LocalDate startDate;
    private final List<Step> steps = new ArrayList<>();
    private LocalDate previous;

    /** Steps shown in {@code zone}: the calendar's own, or for 24×7, which has none, the business time zone. */
    public StepRecorder(BusinessCalendar calendar, ZoneId zone, Instant start) {
        this.calendar = calendar;
        this.zone = zone;
        this.startDate = start.atZone(zone).toLocalDate();
    }

    @Override
    public void counted(long from, long to) {
        Instant piece = Instant.ofEpochSecond(from);
        Instant end = Instant.ofEpochSecond(to);
        while (piece.isBefore(end)) {
            ZonedDateTime local = piece.atZone(zone);
            LocalDate date = local.toLocalDate();
            Instant midnight = date.plusDays(1).atStartOfDay(zone).toInstant();
            boolean endOfDay = !midnight.isAfter(end);
            Instant pieceEnd = endOfDay ? midnight : end;
            if (!calendar.alwaysOpen()) {
                skipped(previous == null ? startDate : previous.plusDays(1), date);
            }
            worked(new Worked(date, calendar.kindOf(date), calendar.day(date).map(CalendarDay::name).orElse(""),
                    local.toLocalTime(), endOfDay ? LocalTime.MIDNIGHT : pieceEnd.atZone(zone).toLocalTime(), endOfDay,
                    Duration.between(piece, pieceEnd)));
            previous = date;
            piece = pieceEnd;
        }
    }

    @Override
    public void held(Pause pause) {
        steps.add(new Paused(pause.from(), pause.to()));
    }

    /** The steps recorded, for the deadline {@code due} that the computation gave. */
    public DeadlineSteps steps(Instant start, Duration duration, List<Pause> pauses, Instant due) {
        return new DeadlineSteps(calendar.code(), zone.getId(), start, duration, pauses, List.copyOf(steps), due);
    }

    /** Joins a stretch to the one before it on the same date when they touch (a day split only by midnight). */
    private void worked(Worked w) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Worked last && last.date().equals(w.date())
                && !last.endOfDay() && last.to().equals(w.from())) {
            steps.set(steps.size() - 1, new Worked(w.date(), w.kind(), w.dayName(), last.from(), w.to(), w.endOfDay(),
                    last.counted().plus(w.counted())));
        } else {
            steps.add(w);
        }
    }

    /** Runs of dates without working time between {@code from} and {@code before}, one step per kind and name. */
    private void skipped(LocalDate from, LocalDate before) {
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
}
