package com.tierdesk.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The business's time: the one place where "now", "today" and the business time zone are read
 * ({@code tierdesk.zone}, Asia/Shanghai by default). Instants come at microsecond precision, the precision both
 * databases keep, so that a value read back equals the value written. Tests set the time through the clock.
 */
public final class BusinessTime {

    private final Clock clock;
    private final ZoneId zone;

    public BusinessTime(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Today's date in the business time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The business date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The instant a business day starts. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** An instant in the business time zone, e.g. to add calendar months. */
    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }
}
