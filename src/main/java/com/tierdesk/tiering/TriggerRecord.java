package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import java.time.Instant;

/** A recorded trigger: a reassessment that was due or a customer-level signal, with its reason and what it started. */
public record TriggerRecord(long id, Kind kind, CustomerId customerId, String reason, Instant occurredAt, RunId run,
        Long taskId) {

    public enum Kind { CADENCE, SPEND_DROP, CHURN_WARNING }
}
