package com.tierdesk.ticket;

import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Where one SLA target of a ticket stands as of its last change, as stored for reports: the tier it counts under,
 * its due instant, when it was met or missed ({@code achievedAt}, null while it runs or when it ended without being
 * owed), the time it spent paused, its status, and whether its clock still runs. {@code atRiskAt} is when a running
 * clock became or becomes at risk (null when it is paused on track, or no longer runs); a paused clock's due instant
 * is where it would fall if the clock ran on from the last change.
 */
public record TargetOutcome(SlaTarget target, String tier, Instant due, Instant achievedAt, Duration pausedTotal,
                            ClockStatus status, boolean running, Instant atRiskAt, boolean paused) {

    /** The order a ticket's targets are read in: by due instant, then by the target's code. */
    static List<TargetOutcome> inDueOrder(List<TargetOutcome> outcomes) {
        return outcomes.stream()
                .sorted(Comparator.comparing(TargetOutcome::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(outcome -> outcome.target().name()))
                .toList();
    }
}
