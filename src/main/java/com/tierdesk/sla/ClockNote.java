package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened to a target's clock and shapes its due instant: a reopen, a tier change and what the
 * rule made of it. {@code due} is the due instant kept, {@code otherDue} the one not taken.
 */
public record ClockNote(Kind kind, Instant at, String fromTier, String toTier, Duration carried, Instant due,
                        Instant otherDue) {

    public enum Kind {
        /** The resolution restarted at a reopen, carrying its elapsed time. */
        REOPENED,
        /** Restarted under the new tier, carrying elapsed and paused time. */
        RE_BASELINED,
        /** Ended at a re-baseline: the new tier has no such target. */
        ENDED_AT_TIER_CHANGE,
        /** Keep the better SLA: the new tier's due instant was earlier, so it applies. */
        TOOK_NEW_TIER,
        /** Keep the better SLA: the old tier's due instant stays, being earlier. */
        KEPT_BETTER,
        /** The new tier has a target the ticket had not; it starts at the change. */
        STARTED_AT_TIER_CHANGE
    }
}
