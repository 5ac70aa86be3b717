package com.tierdesk.sla;

/**
 * What happens to running targets when the customer's tier changes while a ticket is open; neither makes a
 * target due before the change unless it already was (docs/sla.md, "Tier changes").
 */
public enum TierChangeRule {
    /** Each running target is due at the earlier of its old due instant and the change plus the new tier's target. */
    KEEP_BETTER,
    /** Each running target restarts under the new tier at the change, carrying over its elapsed and paused time. */
    RE_BASELINE
}
