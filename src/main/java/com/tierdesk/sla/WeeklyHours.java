package com.tierdesk.sla;

import com.tierdesk.shared.InvalidValue;
import com.tierdesk.shared.Reason;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Working periods per weekday, sorted and never overlapping: split shifts and lunch breaks are several periods
 * on one day. A day without periods is a day off (the weekend).
 */
public record WeeklyHours(Map<DayOfWeek, List<WorkingPeriod>> days) {

    public WeeklyHours {
        var sorted = new EnumMap<DayOfWeek, List<WorkingPeriod>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingPeriod> periods = new ArrayList<>(days.getOrDefault(day, List.of()));
            Collections.sort(periods);
            for (int i = 1; i < periods.size(); i++) {
                if (periods.get(i).overlaps(periods.get(i - 1))) {
                    throw new InvalidValue(day.name(), Reason.of("problem.period.overlap", periods.get(i - 1), periods.get(i)));
                }
            }
            sorted.put(day, List.copyOf(periods));
        }
        days = Collections.unmodifiableMap(sorted);
    }

    /** Monday to Friday with the same periods, Saturday and Sunday off. */
    public static WeeklyHours weekdays(WorkingPeriod... periods) {
        var days = new EnumMap<DayOfWeek, List<WorkingPeriod>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, day.getValue() <= 5 ? List.of(periods) : List.of());
        }
        return new WeeklyHours(days);
    }

    public static WeeklyHours everyDay(WorkingPeriod... periods) {
        var days = new EnumMap<DayOfWeek, List<WorkingPeriod>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(periods));
        }
        return new WeeklyHours(days);
    }

    public List<WorkingPeriod> on(DayOfWeek day) {
        return days.get(day);
    }

    /**
     * The hours of a make-up working day (调休上班日): those of the first weekday from Monday on that has any,
     * since a make-up day stands in for an ordinary working day.
     */
    public List<WorkingPeriod> standardDay() {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!days.get(day).isEmpty()) {
                return days.get(day);
            }
        }
        return List.of();
    }

    public boolean hasWorkingTime() {
        return days.values().stream().anyMatch(periods -> !periods.isEmpty());
    }

    /** {@code 09:00-12:00, 13:00-18:00}, or an empty text for a day off. */
    public static String text(List<WorkingPeriod> periods) {
        return periods.stream().map(WorkingPeriod::toString).collect(Collectors.joining(", "));
    }
}
