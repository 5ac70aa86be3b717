package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A plain duration's due instant with its explanation: the calendar and its holiday data for the years the
 * computation spans, the pauses, and the steps of the computation that gave the due instant.
 */
public record DurationTrace(Instant start, Duration duration, List<Pause> pauses, SlaTrace.CalendarUse calendar,
                            DeadlineSteps steps) {

    public Instant due() {
        return steps.due();
    }
}
