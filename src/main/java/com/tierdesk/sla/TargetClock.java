package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One target's clock as of a moment: the current (or last) cycle, and the earlier cycles of a target that
 * restarts (periodic updates, a reopened resolution, a cycle a tier change replaced). {@code elapsed} is the
 * working time counted towards this cycle's {@code duration}, {@code carriedOver} included; {@code due} is the
 * instant it would be due if it ran on from now (a paused clock has no next status change). {@code endedAt} and
 * {@code endedBy} say what stopped it, {@code status} how it ended (met, breached, not applicable).
 */
public record TargetClock(SlaTarget target, String tier, Duration duration, String calendar, Instant startedAt,
                          Duration carriedOver, List<Pause> pauses, boolean paused, Instant due, Instant endedAt,
                          ClockEnd endedBy, Duration elapsed, Duration remaining, ClockStatus status,
                          Instant nextChangeAt, ClockStatus nextStatus, List<ClockNote> notes,
                          List<TargetClock> earlierCycles) {
}
