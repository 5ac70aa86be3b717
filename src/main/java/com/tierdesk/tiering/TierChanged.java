package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import java.time.Instant;

/**
 * A customer's effective tier changed at {@code at}, for the reason {@code source}: an override came into force or
 * ended ({@code overrideId} set), or a published run graded the customer anew ({@code run} set). {@code from} is
 * {@code null} for a customer's first tier, {@code to} when an override ends for a customer no run has assessed.
 * {@code note} is the supervisor's note on the decision behind the change (the run's approval, the override's
 * approval or revocation); {@code null} without one, and in the events stored before notes were carried.
 * Published for each override that moves a tier; a run's changes are announced together by one
 * {@link TiersPublished} and read with {@link CustomerTiers#changesOf}, each as one of these.
 */
public record TierChanged(CustomerId customerId, String from, String to, Instant at, TierChange.Source source, RunId run,
        Long overrideId, String note) {
}
