package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;

/**
 * A customer's effective tier changed: a published run graded them anew ({@code run} set), an override came
 * into force or ended ({@code overrideId} set). {@code from} is {@code null} for a customer's first tier.
 */
public record TierChanged(CustomerId customerId, String from, String to, RunId run, Long overrideId) {
}
