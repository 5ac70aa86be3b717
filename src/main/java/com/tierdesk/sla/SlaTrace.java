package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The explanation of a ticket's deadlines: which policy version and rows matched and why, which calendars (and
 * whether they have holiday data for the years involved), the pauses, and each deadline's computation as steps,
 * with every line also written out in the requested language.
 */
public record SlaTrace(int policyVersion, String customer, String tier, TicketType type, Priority priority,
                       Channel channel, Instant start, List<Pause> pauses, List<TargetTrace> targets,
                       List<String> warnings, List<String> lines) {

    /** One target: its row, calendar and due instant, the clock if a history was given, and the steps. */
    public record TargetTrace(SlaTarget target, Duration duration, String calendar, int rowIndex, Instant due,
                              SlaClock.TargetClock clock, DeadlineSteps steps, List<String> lines) {
    }
}
