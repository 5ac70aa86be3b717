package com.tierdesk.ticket;

import com.tierdesk.sla.ClockQuery;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaDeadlines;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.TargetClock;
import com.tierdesk.sla.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A ticket's SLA targets as of a moment, from the replay of its history by the {@code sla} module under the policy
 * version the ticket started with and the configured rules. A live chat's 30-second first reply applies when an agent
 * was available as it came in.
 */
@Component
class SlaOutcomes {

    private final SlaDeadlines deadlines;

    SlaOutcomes(SlaDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The targets' outcomes as stored, and the clocks still running, for the watcher; as of {@code at}. */
    record Replay(List<TargetOutcome> outcomes, List<TargetClock> running, Instant at) {

        /** The earliest instant a running target turns at risk or breached, if one will. */
        Optional<Instant> nextChange() {
            return running.stream().map(TargetClock::nextChangeAt).filter(Objects::nonNull).min(Instant::compareTo);
        }

        /**
         * When the watcher should look at the ticket after a change: at its next change, or at once for a cycle that
         * starts there already at risk or breached (a reopened resolution that carried most of its time over), so
         * that it is recorded and escalated then rather than at the next change.
         */
        Optional<Instant> nextWake() {
            return running.stream().map(clock -> startsLate(clock) ? at : clock.nextChangeAt()).filter(Objects::nonNull)
                    .min(Instant::compareTo);
        }

        private boolean startsLate(TargetClock clock) {
            return clock.status() != ClockStatus.ON_TRACK && !clock.startedAt().isBefore(at);
        }
    }

    List<TargetOutcome> of(Ticket ticket, List<TicketEvent> history, Instant now) {
        return replay(ticket, history, now).outcomes();
    }

    Replay replay(Ticket ticket, List<TicketEvent> history, Instant now) {
        List<TargetClock> clocks = deadlines.states(query(ticket, history, now));
        return new Replay(clocks.stream().map(clock -> outcome(clock, now)).toList(),
                clocks.stream().filter(clock -> clock.endedAt() == null).toList(), now);
    }

    /** The replay of the ticket's history as of now, every target's clock with the steps to its due instant. */
    SlaTrace trace(Ticket ticket, List<TicketEvent> history, Instant now) {
        return deadlines.clocks(query(ticket, history, now));
    }

    private static ClockQuery query(Ticket ticket, List<TicketEvent> history, Instant now) {
        return new ClockQuery(ticket.customerCode(), ticket.type(), ticket.priority(), ticket.channel().sla(),
                ticket.agentsOnlineAtIntake(), history, now, ticket.policyVersion(), null, null);
    }

    /**
     * A clock's outcome. A running clock found at risk or breached stores the replay's instant as its at-risk
     * instant (it became so no later); one on track stores when it will be, unless it is paused.
     */
    private static TargetOutcome outcome(TargetClock clock, Instant now) {
        boolean decided = clock.status() == ClockStatus.MET || clock.status() == ClockStatus.BREACHED;
        Instant achievedAt = decided ? clock.endedAt() : null;
        Duration paused = clock.pauses().stream().map(pause -> Duration.between(pause.from(), pause.to()))
                .reduce(Duration.ZERO, Duration::plus);
        boolean running = clock.endedAt() == null;
        Instant atRiskAt = !running ? null : switch (clock.status()) {
            case AT_RISK, BREACHED -> now;
            case ON_TRACK -> clock.paused() ? null : clock.nextChangeAt();
            default -> null;
        };
        return new TargetOutcome(clock.target(), clock.tier(), clock.due(), achievedAt, paused, clock.status(),
                running, atRiskAt, running && clock.paused());
    }
}
