package com.tierdesk.sla;

/**
 * What ended a target's clock, so that reports tell a target met by a reply from one ended by solving the
 * ticket or by a tier change.
 */
public enum ClockEnd {
    /** A public agent reply: the first response, the first chat reply, the next reply, a periodic-update cycle. */
    AGENT_REPLY,
    /** The return or exchange was decided. */
    RETURN_DECIDED,
    /** The ticket was solved. */
    SOLVED,
    /** The customer's tier changed: a cycle under the new tier took over, or the new tier has no such target. */
    TIER_CHANGED
}
