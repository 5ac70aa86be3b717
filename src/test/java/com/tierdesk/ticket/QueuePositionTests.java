package com.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueuePositionTests {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void theTargetDueFirstLeadsAndTheEarliestInstantsCount() {
        QueuePosition position = QueuePosition.of(List.of(
                running(SlaTarget.RESOLUTION, "2026-03-02T06:00:00Z", "2026-03-02T05:00:00Z", ClockStatus.ON_TRACK),
                running(SlaTarget.FIRST_RESPONSE, "2026-03-02T03:00:00Z", "2026-03-02T02:45:00Z", ClockStatus.ON_TRACK),
                ended(SlaTarget.NEXT_REPLY, "2026-03-02T01:00:00Z"))).orElseThrow();

        assertThat(position).isEqualTo(new QueuePosition(SlaTarget.FIRST_RESPONSE, Instant.parse("2026-03-02T03:00:00Z"),
                false, Instant.parse("2026-03-02T02:45:00Z"), Instant.parse("2026-03-02T03:00:00Z")));
        assertThat(position.riskAt(NOW)).isEqualTo(SlaRisk.ON_TRACK);
        assertThat(position.riskChangesAt(NOW)).as("its at-risk instant").isEqualTo("2026-03-02T02:45:00Z");
        assertThat(position.riskAt(Instant.parse("2026-03-02T02:45:00Z"))).isEqualTo(SlaRisk.AT_RISK);
        assertThat(position.riskChangesAt(Instant.parse("2026-03-02T02:45:00Z"))).as("its breach")
                .isEqualTo("2026-03-02T03:00:00Z");
        assertThat(position.riskAt(Instant.parse("2026-03-02T03:00:00Z"))).isEqualTo(SlaRisk.BREACHED);
        assertThat(position.riskChangesAt(Instant.parse("2026-03-02T03:00:00Z"))).isNull();
    }

    @Test
    void aPausedClockIsNeverBreachedUnlessItIsAlready() {
        TargetOutcome pausedOnTrack = new TargetOutcome(SlaTarget.RESOLUTION, "VIP", Instant.parse("2026-03-02T01:00:00Z"),
                null, Duration.ZERO, ClockStatus.ON_TRACK, true, null, true);
        QueuePosition pending = QueuePosition.of(List.of(pausedOnTrack)).orElseThrow();
        assertThat(pending.nextPaused()).isTrue();
        assertThat(pending.riskAt(NOW)).as("its due has passed, but its clock stands").isEqualTo(SlaRisk.ON_TRACK);
        assertThat(pending.riskChangesAt(NOW)).isNull();

        TargetOutcome pausedAtRisk = new TargetOutcome(SlaTarget.RESOLUTION, "VIP", Instant.parse("2026-03-02T03:00:00Z"),
                null, Duration.ZERO, ClockStatus.AT_RISK, true, Instant.parse("2026-03-02T01:30:00Z"), true);
        assertThat(QueuePosition.of(List.of(pausedAtRisk)).orElseThrow().riskAt(NOW)).isEqualTo(SlaRisk.AT_RISK);

        TargetOutcome pausedBreached = new TargetOutcome(SlaTarget.RESOLUTION, "VIP", Instant.parse("2026-03-02T01:00:00Z"),
                null, Duration.ZERO, ClockStatus.BREACHED, true, Instant.parse("2026-03-02T01:30:00Z"), true);
        QueuePosition breached = QueuePosition.of(List.of(pausedBreached)).orElseThrow();
        assertThat(breached.breachAt()).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(breached.riskAt(NOW)).isEqualTo(SlaRisk.BREACHED);
    }

    @Test
    void aTicketWithNoRunningTargetHasNoPlace() {
        assertThat(QueuePosition.of(List.of(ended(SlaTarget.RESOLUTION, "2026-03-02T01:00:00Z")))).isEmpty();
        assertThat(QueueCount.of(QueueCount.LIMIT)).isEqualTo(new QueueCount(QueueCount.LIMIT, false));
        assertThat(QueueCount.of(QueueCount.LIMIT + 1)).isEqualTo(new QueueCount(QueueCount.LIMIT, true));
    }

    private static TargetOutcome running(SlaTarget target, String due, String atRisk, ClockStatus status) {
        return new TargetOutcome(target, "VIP", Instant.parse(due), null, Duration.ZERO, status, true,
                Instant.parse(atRisk), false);
    }

    private static TargetOutcome ended(SlaTarget target, String due) {
        return new TargetOutcome(target, "VIP", Instant.parse(due), Instant.parse(due), Duration.ZERO, ClockStatus.MET,
                false, null, false);
    }
}
