package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Writes trace lines in the reader's language from the {@code sla.trace.*} messages. */
final class TraceWriter {

    private final MessageSource messages;
    private final Locale locale;

    TraceWriter(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    String name(Enum<?> value) {
        return value == null ? text("sla.priority.any") : text("sla." + prefix(value) + "." + value.name());
    }

    /** {@code 1 h 30 min}, {@code 45 s}, {@code 0 s}, in the reader's units. */
    String duration(Duration duration) {
        long seconds = duration.getSeconds();
        var parts = new ArrayList<String>();
        if (seconds / 3600 > 0) {
            parts.add(text("sla.unit.h", seconds / 3600));
        }
        if (seconds / 60 % 60 > 0) {
            parts.add(text("sla.unit.min", seconds / 60 % 60));
        }
        if (seconds % 60 > 0 || parts.isEmpty()) {
            parts.add(text("sla.unit.s", seconds % 60));
        }
        return String.join(" ", parts);
    }

    String day(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " " + date;
    }

    String time(LocalTime time, boolean endOfDay) {
        if (endOfDay) {
            return "24:00";
        }
        return time.getSecond() == 0 ? String.format("%02d:%02d", time.getHour(), time.getMinute()) : time.toString();
    }

    String instant(Instant instant, ZoneId zone) {
        ZonedDateTime at = instant.atZone(zone);
        return day(at.toLocalDate()) + " " + time(at.toLocalTime(), false);
    }

    List<String> steps(DeadlineSteps steps, ZoneId zone) {
        var lines = new ArrayList<String>();
        for (DeadlineSteps.Step step : steps.steps()) {
            if (step instanceof DeadlineSteps.Worked w) {
                lines.add(w.kind() == DayKind.MAKEUP_WORKDAY
                        ? text("sla.trace.worked.makeup", day(w.date()), time(w.from(), false), time(w.to(), w.endOfDay()),
                        duration(w.counted()), w.dayName())
                        : text("sla.trace.worked", day(w.date()), time(w.from(), false), time(w.to(), w.endOfDay()),
                        duration(w.counted())));
            } else if (step instanceof DeadlineSteps.Skipped s) {
                lines.add(text(s.kind() == DayKind.HOLIDAY ? "sla.trace.skipped.holiday" : "sla.trace.skipped.weekend",
                        range(s.from(), s.to()), s.name()));
            } else if (step instanceof DeadlineSteps.Paused p) {
                lines.add(text("sla.trace.paused", instant(p.from(), zone), instant(p.to(), zone)));
            }
        }
        lines.add(text("sla.trace.due", instant(steps.due(), zone), zone.getId()));
        return lines;
    }

    String note(ClockNote note, ZoneId zone) {
        return text("sla.note." + note.kind().name(), instant(note.at(), zone), note.fromTier(), note.toTier(),
                note.carried() == null ? "" : duration(note.carried()), note.due() == null ? "" : instant(note.due(), zone),
                note.otherDue() == null ? "" : instant(note.otherDue(), zone));
    }

    private String range(LocalDate from, LocalDate to) {
        return from.equals(to) ? day(from) : day(from) + " – " + day(to);
    }

    private static String prefix(Enum<?> value) {
        if (value instanceof SlaTarget) {
            return "target";
        }
        if (value instanceof TicketType) {
            return "type";
        }
        if (value instanceof Priority) {
            return "priority";
        }
        if (value instanceof Channel) {
            return "channel";
        }
        if (value instanceof ClockStatus) {
            return "status";
        }
        return value instanceof DayKind ? "dayKind" : value.getClass().getSimpleName();
    }
}
