package com.tierdesk.ticket;

import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaTarget;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an open ticket stands in the queues, from its targets' outcomes: its running target due first (the queues'
 * order; of two due at once, the one first by name) and the instants the ticket turns at risk and breached, the
 * earliest of its running targets'. A running target is breached at its due instant unless its clock is paused (a
 * paused clock's due moves on), and stays breached once it is; it is at risk from its at-risk instant, or from its
 * breach if it has no other.
 */
record QueuePosition(SlaTarget nextTarget, Instant nextDue, boolean nextPaused, Instant atRiskAt, Instant breachAt) {

    /** The position of a ticket with these targets; none when no target runs. */
    static Optional<QueuePosition> of(List<TargetOutcome> outcomes) {
        List<TargetOutcome> running = outcomes.stream().filter(TargetOutcome::running).toList();
        return running.stream()
                .min(Comparator.comparing(TargetOutcome::due).thenComparing(outcome -> outcome.target().name()))
                .map(next -> new QueuePosition(next.target(), next.due(), next.paused(),
                        earliest(running, QueuePosition::atRisk), earliest(running, QueuePosition::breach)));
    }

    /** How the ticket stands now: breached once its breach instant has come, at risk once its at-risk instant has. */
    SlaRisk riskAt(Instant now) {
        return risk(atRiskAt, breachAt, now);
    }

    /** When the risk the ticket has at {@code now} stops being its risk; null when nothing changes it but a change. */
    Instant riskChangesAt(Instant now) {
        return switch (riskAt(now)) {
            case ON_TRACK -> atRiskAt;
            case AT_RISK -> breachAt;
            case BREACHED -> null;
        };
    }

    static SlaRisk risk(Instant atRiskAt, Instant breachAt, Instant now) {
        if (breachAt != null && !breachAt.isAfter(now)) {
            return SlaRisk.BREACHED;
        }
        return atRiskAt != null && !atRiskAt.isAfter(now) ? SlaRisk.AT_RISK : SlaRisk.ON_TRACK;
    }

    private static Instant breach(TargetOutcome outcome) {
        return outcome.status() == ClockStatus.BREACHED || !outcome.paused() ? outcome.due() : null;
    }

    private static Instant atRisk(TargetOutcome outcome) {
        return outcome.status() == ClockStatus.BREACHED ? outcome.due() : outcome.atRiskAt();
    }

    private static Instant earliest(List<TargetOutcome> outcomes, Function<TargetOutcome, Instant> instant) {
        return outcomes.stream().map(instant).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
