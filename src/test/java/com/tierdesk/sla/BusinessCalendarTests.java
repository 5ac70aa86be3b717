package com.tierdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.sla.calendar.WorkingTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    private static final BusinessCalendar BUSINESS = Calendars.springFestival2025();

    @Test
    void addsAcrossTheNightAndTheWeekend() {
        // Fri 2025-03-07 17:00 + 3 h → 1 h Friday, Monday 09:00–11:00.
        assertThat(BUSINESS.add(shanghai("2025-03-07T17:00"), hours(3))).isEqualTo(shanghai("2025-03-10T11:00"));
        // Started at night: the clock waits for 09:00.
        assertThat(BUSINESS.add(shanghai("2025-03-05T22:30"), hours(1))).isEqualTo(shanghai("2025-03-06T10:00"));
        // Ends exactly at closing time, not at the next opening.
        assertThat(BUSINESS.add(shanghai("2025-03-05T17:00"), hours(1))).isEqualTo(shanghai("2025-03-05T18:00"));
    }

    @Test
    void skipsTheSpringFestivalAndWorksTheMakeUpSaturday() {
        // Fri 2025-02-07 17:00 + 8 h → Fri 17:00–18:00 1 h, Sat 02-08 (make-up day) 09:00–16:00 7 h.
        assertThat(BUSINESS.add(shanghai("2025-02-07T17:00"), hours(8))).isEqualTo(shanghai("2025-02-08T16:00"));
        // Mon 2025-01-27 17:00 + 2 h → 1 h Monday, then 1/28–2/4 off, Wed 02-05 09:00–10:00.
        assertThat(BUSINESS.add(shanghai("2025-01-27T17:00"), hours(2))).isEqualTo(shanghai("2025-02-05T10:00"));
        // The make-up Sunday 01-26 is a working day.
        assertThat(BUSINESS.add(shanghai("2025-01-25T12:00"), hours(1))).isEqualTo(shanghai("2025-01-26T10:00"));
        assertThat(BUSINESS.between(shanghai("2025-01-24T18:00"), shanghai("2025-02-05T09:00"))).isEqualTo(hours(18));
    }

    @Test
    void isExactToTheSecond() {
        assertThat(BUSINESS.add(shanghai("2025-03-05T17:59:59"), Duration.ofSeconds(1))).isEqualTo(shanghai("2025-03-05T18:00"));
        assertThat(BUSINESS.add(shanghai("2025-03-05T17:59:59"), Duration.ofSeconds(2))).isEqualTo(shanghai("2025-03-06T09:00:01"));
        assertThat(BUSINESS.between(shanghai("2025-03-05T17:59:59"), shanghai("2025-03-06T09:00:01")))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aYearWithoutDataFallsBackToWeekendsOnly() {
        assertThat(BUSINESS.hasDataFor(2025)).isTrue();
        assertThat(BUSINESS.hasDataFor(2027)).isFalse();
        // 2027-02-05 is a Friday (Spring Festival 2027 has no data here): an ordinary working day.
        assertThat(BUSINESS.kindOf(LocalDate.of(2027, 2, 5))).isEqualTo(DayKind.WORKDAY);
        assertThat(BUSINESS.add(shanghai("2027-02-05T17:00"), hours(2))).isEqualTo(shanghai("2027-02-08T10:00"));
    }

    @Test
    void splitShiftsSkipTheLunchBreak() {
        var lunch = Calendars.weekdays("Asia/Shanghai", WorkingPeriod.of("09:00", "12:00"), WorkingPeriod.of("13:30", "18:00"));
        assertThat(lunch.add(shanghai("2025-03-05T11:00"), hours(2))).isEqualTo(shanghai("2025-03-05T14:30"));
        assertThat(lunch.add(shanghai("2025-03-05T12:15"), Duration.ofMinutes(30))).isEqualTo(shanghai("2025-03-05T14:00"));
        assertThat(lunch.between(shanghai("2025-03-05T08:00"), shanghai("2025-03-05T20:00")))
                .isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void countsRealHoursAcrossDaylightSavingChanges() {
        // Berlin springs forward on Sun 2025-03-30 (02:00 → 03:00): a 00:00–06:00 shift that night is 5 hours.
        var berlinNights = BusinessCalendar.of("nights", "Nights", ZoneId.of("Europe/Berlin"),
                WeeklyHours.everyDay(WorkingPeriod.of("00:00", "06:00")), List.of(), List.of());
        assertThat(berlinNights.between(at("2025-03-30T00:00", "Europe/Berlin"), at("2025-03-30T06:00", "Europe/Berlin")))
                .isEqualTo(hours(5));
        assertThat(berlinNights.add(at("2025-03-30T00:00", "Europe/Berlin"), hours(5)))
                .isEqualTo(at("2025-03-30T06:00", "Europe/Berlin"));
        // New York falls back on Sun 2025-11-02 (02:00 → 01:00): that day has 25 hours.
        var newYork = BusinessCalendar.of("ny", "New York", ZoneId.of("America/New_York"),
                WeeklyHours.everyDay(WorkingPeriod.wholeDay()), List.of(), List.of());
        assertThat(newYork.between(at("2025-11-02T00:00", "America/New_York"), at("2025-11-03T00:00", "America/New_York")))
                .isEqualTo(hours(25));
        // Office hours keep their local times on both sides of the change: Fri 17:00 + 2 h → Mon 10:00 local.
        var office = Calendars.weekdays("America/New_York", WorkingPeriod.of("09:00", "18:00"));
        assertThat(office.add(at("2025-03-07T17:00", "America/New_York"), hours(2)))
                .isEqualTo(at("2025-03-10T10:00", "America/New_York"));
        assertThat(office.add(at("2025-03-07T17:00", "America/New_York"), hours(2)))
                .isEqualTo(Instant.parse("2025-03-10T14:00:00Z"));
    }

    @Test
    void pausesHoldTheClock() {
        var pause = new Pause(shanghai("2025-03-05T10:00"), shanghai("2025-03-05T15:00"));
        // 09:00 + 3 h with 10:00–15:00 paused → 1 h before, 2 h after → 17:00.
        assertThat(BUSINESS.add(shanghai("2025-03-05T09:00"), hours(3), List.of(pause))).isEqualTo(shanghai("2025-03-05T17:00"));
        assertThat(BUSINESS.between(shanghai("2025-03-05T09:00"), shanghai("2025-03-05T17:00"), List.of(pause)))
                .isEqualTo(hours(3));
        // A pause over the night changes nothing.
        var night = new Pause(shanghai("2025-03-05T19:00"), shanghai("2025-03-06T08:00"));
        assertThat(BUSINESS.add(shanghai("2025-03-05T17:00"), hours(2), List.of(night))).isEqualTo(shanghai("2025-03-06T10:00"));
    }

    @Test
    void twentyFourSevenCountsEverySecond() {
        var always = BusinessCalendar.twentyFourSeven("24x7", "24×7");
        assertThat(always.add(shanghai("2025-01-28T23:30"), hours(24))).isEqualTo(shanghai("2025-01-29T23:30"));
        assertThat(always.hasDataFor(2030)).isTrue();
    }

    @Test
    void refusesOverlappingInvertedAndEmptyHours() {
        assertThatThrownBy(() -> WorkingPeriod.of("18:00", "09:00")).hasMessage("is inverted: 18:00-09:00 does not end after it starts");
        assertThatThrownBy(() -> WorkingPeriod.of("09:00", "25:00")).hasMessageContaining("not a time of day");
        Map<DayOfWeek, List<WorkingPeriod>> overlapping = new EnumMap<>(DayOfWeek.class);
        overlapping.put(DayOfWeek.MONDAY, List.of(WorkingPeriod.of("09:00", "12:30"), WorkingPeriod.of("12:00", "18:00")));
        assertThatThrownBy(() -> new WeeklyHours(overlapping)).hasMessage("MONDAY: 09:00-12:30 and 12:00-18:00 overlap");
        assertThatThrownBy(() -> BusinessCalendar.of("x", "x", Calendars.SHANGHAI, new WeeklyHours(Map.of()), List.of(), List.of()))
                .hasMessageContaining("no working time");
    }

    @Test
    void aDeadlineBeyondTheYearsLaidOutIsRefusedNotSearchedForever() {
        // One second of working time a week: a year's target would take some 600,000 years.
        var thin = BusinessCalendar.of("thin", "Thin", Calendars.SHANGHAI,
                new WeeklyHours(Map.of(DayOfWeek.MONDAY, List.of(WorkingPeriod.of("09:00:00", "09:00:01")))), List.of(), List.of());
        assertThatThrownBy(() -> thin.add(shanghai("2025-03-05T10:00"), Duration.ofDays(366)))
                .isInstanceOf(WorkingTime.YearOutOfRange.class).hasMessageContaining("outside 1900–2400");
        assertThat(thin.add(shanghai("2025-03-05T10:00"), Duration.ofSeconds(2))).isEqualTo(shanghai("2025-03-17T09:00:01"));
    }

    static Instant shanghai(String local) {
        return at(local, "Asia/Shanghai");
    }

    static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }
}
