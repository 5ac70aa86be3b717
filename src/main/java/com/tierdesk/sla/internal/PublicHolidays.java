package com.tierdesk.sla.internal;

import com.tierdesk.sla.CalendarDay;
import com.tierdesk.sla.DayKind;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Other countries' public holidays from Jollyday's data (ISO 3166 country codes such as DE, US, FR). Only
 * public holidays count; Jollyday knows nothing of China's make-up working days, which come from the State
 * Council's notices instead.
 */
public final class PublicHolidays {

    private PublicHolidays() {
    }

    /** The ISO 3166 countries Jollyday knows; its market calendars (NYSE, TARGET …) are not a country's holidays. */
    public static Set<String> countries() {
        Set<String> iso = Set.of(Locale.getISOCountries());
        var codes = new TreeSet<String>();
        HolidayManager.getSupportedCalendarCodes().stream().map(code -> code.toUpperCase(Locale.ROOT))
                .filter(iso::contains).forEach(codes::add);
        return codes;
    }

    /** The country's public holidays of the year, or empty if Jollyday does not know the country. */
    public static Optional<List<CalendarDay>> of(String country, int year, Locale locale) {
        String wanted = country == null ? "" : country.strip();
        Optional<String> code = HolidayManager.getSupportedCalendarCodes().stream()
                .filter(supported -> supported.equalsIgnoreCase(wanted)).findFirst();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code.get()));
        var byDate = new java.util.TreeMap<java.time.LocalDate, CalendarDay>();
        manager.getHolidays(Year.of(year)).stream()
                .filter(holiday -> holiday.getType() == HolidayType.PUBLIC_HOLIDAY)
                .sorted(Comparator.comparing(Holiday::getDate))
                .forEach(holiday -> byDate.merge(holiday.getActualDate(),
                        new CalendarDay(holiday.getActualDate(), DayKind.HOLIDAY, holiday.getDescription(locale)),
                        (a, b) -> new CalendarDay(a.date(), DayKind.HOLIDAY, a.name() + " / " + b.name())));
        return Optional.of(List.copyOf(byDate.values()));
    }
}
