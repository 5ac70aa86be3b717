package com.tierdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shipped calendars: business (Mon–Fri 09:00–18:00 Asia/Shanghai) with China's 2025 and 2026 holidays and
 * make-up days exactly as the State Council's notices list them, and 24x7.
 */
@SpringBootTest
class ShippedHolidaysTests {

    @Autowired
    SlaCalendars calendars;

    @Test
    void businessHasTheHolidaysAndMakeUpDaysOfNotice2024No12For2025() {
        BusinessCalendar business = calendars.get("business");
        assertThat(business.year(2025)).hasValueSatisfying(year -> assertThat(year.source())
                .contains("国务院办公厅关于2025年部分节假日安排的通知").contains("国办发明电〔2024〕12号"));
        assertThat(days(business, 2025, DayKind.HOLIDAY)).containsExactlyElementsOf(dates(
                range("2025-01-01", "2025-01-01"), range("2025-01-28", "2025-02-04"), range("2025-04-04", "2025-04-06"),
                range("2025-05-01", "2025-05-05"), range("2025-05-31", "2025-06-02"), range("2025-10-01", "2025-10-08")));
        assertThat(days(business, 2025, DayKind.MAKEUP_WORKDAY)).containsExactlyElementsOf(dates(
                List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11")));
    }

    @Test
    void businessHasTheHolidaysAndMakeUpDaysOfNotice2025No7For2026() {
        BusinessCalendar business = calendars.get("business");
        assertThat(business.year(2026)).hasValueSatisfying(year -> assertThat(year.source())
                .contains("国务院办公厅关于2026年部分节假日安排的通知").contains("国办发明电〔2025〕7号"));
        assertThat(days(business, 2026, DayKind.HOLIDAY)).containsExactlyElementsOf(dates(
                range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"), range("2026-04-04", "2026-04-06"),
                range("2026-05-01", "2026-05-05"), range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
                range("2026-10-01", "2026-10-07")));
        assertThat(days(business, 2026, DayKind.MAKEUP_WORKDAY)).containsExactlyElementsOf(dates(
                List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")));
    }

    @Test
    void businessWorksWeekdaysNineToSixInShanghaiAndMakeUpDaysAreWeekends() {
        BusinessCalendar business = calendars.get("business");
        assertThat(business.zone().getId()).isEqualTo("Asia/Shanghai");
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(WeeklyHours.text(business.hours().on(day))).isEqualTo(day.getValue() <= 5 ? "09:00-18:00" : "");
        }
        assertThat(business.days().values()).filteredOn(day -> day.kind() == DayKind.MAKEUP_WORKDAY)
                .allSatisfy(day -> assertThat(day.date().getDayOfWeek().getValue()).isGreaterThan(5));
        assertThat(business.hasDataFor(2027)).isFalse();
        assertThat(calendars.get("24x7").alwaysOpen()).isTrue();
    }

    private static List<LocalDate> days(BusinessCalendar calendar, int year, DayKind kind) {
        var days = new TreeMap<LocalDate, CalendarDay>(calendar.days());
        return days.values().stream().filter(d -> d.date().getYear() == year && d.kind() == kind)
                .map(CalendarDay::date).toList();
    }

    @SafeVarargs
    private static List<LocalDate> dates(List<String>... ranges) {
        var all = new ArrayList<LocalDate>();
        for (List<String> range : ranges) {
            range.forEach(date -> all.add(LocalDate.parse(date)));
        }
        return all;
    }

    private static List<String> range(String from, String to) {
        var dates = new ArrayList<String>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            dates.add(d.toString());
        }
        return dates;
    }
}
