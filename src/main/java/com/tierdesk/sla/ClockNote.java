package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened to a target's clock and shapes its due instant: a reopen, a tier change and what the
 * rule made of it. {@code due} is the due instant the cycle got, {@code otherDue} the one not taken.
 */
public record ClockNote(Kind kind, Instant at, String fromTier, String toTier, Duration carried, Instant due,
                        Instant otherDue) {

    public enum Kind {
        /** The resolution restarted at a reopen, carrying its elapsed time. */
        REOPENED,
        /** Re-baseline: restarted under the new tier at the change, carrying elapsed and paused time. */
        RE_BASELINED,
        /** Re-baseline: the time carried over already reaches the new tier's target, so it is due at the change. */
        DUE_AT_TIER_CHANGE,
        /** Re-baseline: ended at the change, the new tier having no such target. */
        ENDED_AT_TIER_CHANGE,
        /** Keep the better SLA: the new tier's target, counted in full from the change, ends earlier and applies. */
        TOOK_NEW_TIER,
        /** Keep the better SLA: the old due instant stays, being earlier than the new tier's from the change. */
        KEPT_BETTER,
        /** Keep the better SLA: the new tier has no such target, so the old one runs on. */
        KEPT_NOT_IN_NEW_TIER,
        /** The new tier has a target the ticket had not; it starts at the change. */
        STARTED_AT_TIER_CHANGE
    }
}
