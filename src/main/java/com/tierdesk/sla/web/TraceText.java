package com.tierdesk.sla.web;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.sla.Channel;
import com.tierdesk.sla.ClockEnd;
import com.tierdesk.sla.ClockNote;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.DayKind;
import com.tierdesk.sla.DeadlineSteps;
import com.tierdesk.sla.DurationTrace;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.SolvedWithoutReply;
import com.tierdesk.sla.TargetClock;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.TierChangeRule;
import com.tierdesk.tiering.TierCatalog;
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
import org.springframework.stereotype.Component;

/**
 * A trace in the reader's language, from the {@code sla.trace.*} messages: the head (policy, ticket, rules,
 * calendars, pauses), the warnings, and each target's row, notes, steps and clock. Times on a 24×7 calendar and
 * pauses are shown in the business time zone.
 */
@Component
class TraceText {

    private final MessageSource messages;
    private final TierCatalog tiers;
    private final BusinessTime time;

    TraceText(MessageSource messages, TierCatalog tiers, BusinessTime time) {
        this.messages = messages;
        this.tiers = tiers;
        this.time = time;
    }

    /** The trace written out: its warnings, each target's lines, and all the lines in reading order. */
    record Written(List<String> warnings, List<List<String>> targets, List<String> lines) {
    }

    Written write(SlaTrace trace, Locale locale) {
        return new Writer(locale, time.zone()).write(trace);
    }

    /** A plain duration's trace: its head, calendar, pauses and warnings, and the steps as its one target. */
    Written write(DurationTrace trace, Locale locale) {
        return new Writer(locale, time.zone()).write(trace);
    }

    /** A duration in the reader's units: {@code 1 小时 30 分钟}, {@code 1 h 30 min}. */
    String duration(Duration duration, Locale locale) {
        return new Writer(locale, time.zone()).duration(duration);
    }

    /** One trace in one language. */
    private final class Writer {

        private final Locale locale;
        private final ZoneId businessZone;

        Writer(Locale locale, ZoneId businessZone) {
            this.locale = locale;
            this.businessZone = businessZone;
        }

        Written write(SlaTrace trace) {
            var lines = new ArrayList<String>();
            var warnings = new ArrayList<String>();
            lines.add(text("sla.trace.policy", String.valueOf(trace.policy().version()), trace.policy().note().in(locale),
                    trace.policy().createdBy()));
            String tierName = tiers.find(trace.tier())
                    .map(t -> t.name(Locale.forLanguageTag(text("sla.trace.languageTag")))).orElse(trace.tier());
            lines.add(text("sla.trace.ticket", trace.customer() == null ? text("sla.trace.noCustomer") : trace.customer(),
                    tierName + " (" + trace.tier() + ")", name(trace.type()), name(trace.priority()), name(trace.channel())));
            if (trace.rules() != null) {
                lines.add(text("sla.trace.rule", name(trace.rules().tierChange()), Math.round(trace.rules().atRisk() * 100)));
                lines.add(text("sla.trace.solvedRule", name(trace.rules().solvedWithoutReply())));
            }
            trace.calendars().forEach(calendar -> calendar(calendar, lines, warnings));
            pauses(trace.pauses(), lines);
            lines.addAll(warnings);
            var targets = new ArrayList<List<String>>();
            for (SlaTrace.TargetTrace target : trace.targets()) {
                List<String> targetLines = target(trace, target);
                targets.add(targetLines);
                lines.addAll(targetLines);
            }
            return new Written(List.copyOf(warnings), List.copyOf(targets), List.copyOf(lines));
        }

        Written write(DurationTrace trace) {
            var lines = new ArrayList<String>();
            var warnings = new ArrayList<String>();
            lines.add(text(trace.calendar().alwaysOpen() ? "sla.trace.duration.always" : "sla.trace.duration",
                    duration(trace.duration()), instant(trace.start(), businessZone), trace.calendar().code()));
            calendar(trace.calendar(), lines, warnings);
            pauses(trace.pauses(), lines);
            lines.addAll(warnings);
            List<String> steps = steps(trace.steps(), ZoneId.of(trace.steps().zone()));
            lines.addAll(steps);
            return new Written(List.copyOf(warnings), List.of(steps), List.copyOf(lines));
        }

        private void calendar(SlaTrace.CalendarUse calendar, List<String> lines, List<String> warnings) {
            lines.add(calendar.alwaysOpen() ? text("sla.trace.calendar.always", calendar.code(), calendar.name())
                    : text("sla.trace.calendar", calendar.code(), calendar.name(), calendar.zone()));
            for (SlaTrace.HolidayData year : calendar.years()) {
                if (year.hasData()) {
                    lines.add(text("sla.trace.calendar.year", String.valueOf(year.year()), year.source()));
                } else {
                    warnings.add(text("sla.trace.calendar.noData", calendar.code(), String.valueOf(year.year())));
                }
            }
        }

        private void pauses(List<Pause> pauses, List<String> lines) {
            if (pauses.isEmpty()) {
                lines.add(text("sla.trace.noPauses"));
            }
            pauses.forEach(p -> lines.add(text("sla.trace.pause", instant(p.from(), businessZone),
                    instant(p.to(), businessZone))));
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

        private List<String> target(SlaTrace trace, SlaTrace.TargetTrace target) {
            ZoneId zone = ZoneId.of(target.steps().zone());
            var lines = new ArrayList<String>();
            lines.add(matchLine(trace, target));
            TargetClock clock = target.clock();
            if (clock != null && !clock.carriedOver().isZero()) {
                lines.add(text("sla.trace.clock.carried", duration(clock.carriedOver())));
            }
            if (clock != null) {
                clock.notes().forEach(note -> lines.add(note(note, clock.duration(), zone)));
            }
            lines.addAll(steps(target.steps(), zone));
            if (clock != null) {
                lines.add(clockLine(clock, zone));
            }
            return lines;
        }

        private String matchLine(SlaTrace trace, SlaTrace.TargetTrace target) {
            if (target.row() == null) {
                return text("sla.trace.liveChat", name(target.target()), duration(target.duration()));
            }
            String why = target.priorityRow() ? text("sla.trace.row.priority", name(trace.priority()))
                    : text("sla.trace.row.any", name(trace.priority()));
            return text("sla.trace.row", name(target.target()), String.valueOf(target.rowIndex() + 1), target.row().tier(),
                    name(target.row().type()), name(target.row().priority()), duration(target.duration()),
                    target.calendar(), why);
        }

        private List<String> steps(DeadlineSteps steps, ZoneId zone) {
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

        private String note(ClockNote note, Duration target, ZoneId zone) {
            return text("sla.note." + note.kind().name(), instant(note.at(), zone), note.fromTier(), note.toTier(),
                    note.carried() == null ? "" : duration(note.carried()), note.due() == null ? "" : instant(note.due(), zone),
                    note.otherDue() == null ? "" : instant(note.otherDue(), zone), duration(target));
        }

        private String clockLine(TargetClock clock, ZoneId zone) {
            String line = text("sla.trace.clock", name(clock.status()), duration(clock.elapsed()),
                    duration(clock.remaining()));
            if (clock.endedAt() != null) {
                line += text("sla.trace.clock.ended", instant(clock.endedAt(), zone), name(clock.endedBy()));
            } else if (clock.paused()) {
                line += text("sla.trace.clock.paused");
            } else if (clock.nextChangeAt() != null) {
                line += text("sla.trace.clock.next", instant(clock.nextChangeAt(), zone), name(clock.nextStatus()));
            }
            return line;
        }

        private String text(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }

        private String day(LocalDate date) {
            return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " " + date;
        }

        private static String time(LocalTime time, boolean endOfDay) {
            if (endOfDay) {
                return "24:00";
            }
            return time.getSecond() == 0 ? String.format("%02d:%02d", time.getHour(), time.getMinute()) : time.toString();
        }

        private String instant(Instant instant, ZoneId zone) {
            ZonedDateTime at = instant.atZone(zone);
            return day(at.toLocalDate()) + " " + time(at.toLocalTime(), false);
        }

        private String range(LocalDate from, LocalDate to) {
            return from.equals(to) ? day(from) : day(from) + " – " + day(to);
        }

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
        if (value instanceof ClockEnd) {
            return "clockEnd";
        }
        if (value instanceof TierChangeRule) {
            return "rule";
        }
        if (value instanceof SolvedWithoutReply) {
            return "solvedWithoutReply";
        }
        return value instanceof DayKind ? "dayKind" : value.getClass().getSimpleName();
    }
}
