package com.tierdesk.sla;

/** What happens to running targets when the customer's tier changes while a ticket is open (SPEC §3). */
public enum TierChangeRule {
    /** Each running target keeps whichever due instant is earlier: the old tier's or the new tier's from the same start. */
    KEEP_BETTER,
    /** Each running target restarts under the new tier at the change, carrying over its elapsed and paused time. */
    RE_BASELINE
}
