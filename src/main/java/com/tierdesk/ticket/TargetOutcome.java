package com.tierdesk.ticket;

import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;

/**
 * Where one SLA target of a ticket stands as of its last change, as stored for reports: the tier it counts under,
 * its due instant, when it was met or missed ({@code achievedAt}, null while it runs or when it ended without being
 * owed), the time it spent paused, its status, and whether its clock still runs.
 */
public record TargetOutcome(SlaTarget target, String tier, Instant due, Instant achievedAt, Duration pausedTotal,
                            ClockStatus status, boolean running) {
}
