package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A plain duration rather than a matrix row: "8 business hours from {@code start} on {@code calendar}", the clock
 * held during the pauses. On a 24×7 calendar the duration is counted in calendar time.
 */
public record DurationQuery(String calendar, Instant start, Duration duration, List<Pause> pauses) {

    public DurationQuery {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }
}
