package com.tierdesk.customer;

import java.time.Instant;

/**
 * One change of a customer's tier on the customer's own timeline: the tier from {@code changedAt} ({@code null} when
 * an override ended for a customer no run had assessed), the tier before, and its cause: an assessment run, an
 * override in force or an override ended, with the run's or the override's id, and the note the supervisor gave with
 * that decision ({@code null} without one).
 */
public record TierTimelineEntry(CustomerId customerId, Instant changedAt, String tier, String previousTier, Cause cause,
        long causeId, String note) {

    public enum Cause { ASSESSMENT, OVERRIDE, OVERRIDE_ENDED }
}
