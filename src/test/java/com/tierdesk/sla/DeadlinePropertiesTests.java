package com.tierdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws of deadline arithmetic, on calendars with holidays, split shifts and daylight-saving zones. */
class DeadlinePropertiesTests {

    private static final long FROM = Instant.parse("2024-12-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2027-01-31T00:00:00Z").getEpochSecond();
    private static final long MAX_DURATION = Duration.ofHours(300).getSeconds();

    private static final List<BusinessCalendar> CALENDARS = List.of(
            Calendars.springFestival2025(),
            BusinessCalendar.of("berlin", "Berlin split shift", ZoneId.of("Europe/Berlin"),
                    WeeklyHours.weekdays(WorkingPeriod.of("01:30", "03:30"), WorkingPeriod.of("08:00", "12:00"),
                            WorkingPeriod.of("13:00", "17:30")), List.of(), List.of()),
            BusinessCalendar.of("new-york", "New York nights", ZoneId.of("America/New_York"),
                    WeeklyHours.everyDay(WorkingPeriod.of("00:00", "02:30"), WorkingPeriod.of("22:00", "24:00")),
                    List.of(), List.of()),
            BusinessCalendar.twentyFourSeven("24x7", "24x7"));

    @Test
    void addingThenMeasuringGivesTheDurationBack() {
        qt().forAll(calendars(), instants(), durations()).checkAssert((calendar, start, duration) ->
                assertThat(calendar.between(start, calendar.add(start, duration))).isEqualTo(duration));
    }

    @Test
    void addingThenMeasuringGivesTheDurationBackWithPauses() {
        qt().forAll(calendars(), instants(), durations(), pauses()).checkAssert((calendar, start, duration, pause) -> {
            Instant due = calendar.add(start, duration, List.of(pause));
            assertThat(calendar.between(start, due, List.of(pause))).isEqualTo(duration);
        });
    }

    @Test
    void deadlinesAreMonotoneInStartAndDuration() {
        qt().forAll(calendars(), instants(), durations(), integers().between(0, 200_000)).checkAssert(
                (calendar, start, duration, more) -> {
                    Instant due = calendar.add(start, duration);
                    assertThat(calendar.add(start.plusSeconds(more), duration)).isAfterOrEqualTo(due);
                    assertThat(calendar.add(start, duration.plusSeconds(more))).isAfterOrEqualTo(due);
                });
    }

    @Test
    void aDeadlineNeverFallsOutsideWorkingTime() {
        qt().forAll(calendars(), instants(), durations()).checkAssert((calendar, start, duration) ->
                assertThat(calendar.isWorkingTime(calendar.add(start, duration)))
                        .as("%s + %s on %s", start, duration, calendar.code()).isTrue());
    }

    @Test
    void pausesOnlyEverPushADeadlineLater() {
        qt().forAll(calendars(), instants(), durations(), pauses()).checkAssert((calendar, start, duration, pause) ->
                assertThat(calendar.add(start, duration, List.of(pause))).isAfterOrEqualTo(calendar.add(start, duration)));
    }

    @Test
    void theStepsOfADeadlineCountExactlyItsDurationUpToItsDueInstant() {
        qt().forAll(calendars(), instants(), durations(), pauses()).checkAssert((calendar, start, duration, pause) -> {
            DeadlineSteps steps = calendar.explain(start, duration, List.of(pause), Calendars.SHANGHAI);
            assertThat(steps.due()).isEqualTo(calendar.add(start, duration, List.of(pause)));
            assertThat(steps.steps().stream().filter(DeadlineSteps.Worked.class::isInstance)
                    .map(step -> ((DeadlineSteps.Worked) step).counted()).reduce(Duration.ZERO, Duration::plus))
                    .isEqualTo(duration);
        });
    }

    @Test
    void theStepsNameThePausesThatHeldTheClock() {
        qt().forAll(calendars(), instants(), durations(), pauses()).checkAssert((calendar, start, duration, pause) -> {
            DeadlineSteps steps = calendar.explain(start, duration, List.of(pause), Calendars.SHANGHAI);
            boolean held = pause.to().isAfter(start) && pause.from().isBefore(steps.due()) && !pause.from().equals(pause.to());
            assertThat(steps.steps().stream().anyMatch(DeadlineSteps.Paused.class::isInstance))
                    .as("%s paused %s, due %s", start, pause, steps.due()).isEqualTo(held);
        });
    }

    private static Gen<BusinessCalendar> calendars() {
        return integers().between(0, CALENDARS.size() - 1).map(i -> CALENDARS.get(i));
    }

    private static Gen<Instant> instants() {
        return longs().between(FROM, TO).map(s -> Instant.ofEpochSecond(s));
    }

    private static Gen<Duration> durations() {
        return longs().between(1, MAX_DURATION).map(s -> Duration.ofSeconds(s));
    }

    private static Gen<Pause> pauses() {
        return instants().zip(longs().between(0, Duration.ofDays(5).getSeconds()),
                (from, length) -> new Pause(from, from.plusSeconds(length)));
    }
}
