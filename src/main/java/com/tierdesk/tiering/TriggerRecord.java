package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import java.time.Instant;

/**
 * A recorded trigger: a reassessment that was due or a customer-level signal, with its reason, who ran the check
 * ({@code system} for the daily one) and the run or task it started.
 */
public record TriggerRecord(long id, Kind kind, CustomerId customerId, TriggerReason reason, Instant occurredAt, RunId run,
        Long taskId, String checkedBy) {

    public enum Kind { CADENCE, SPEND_DROP, CHURN_WARNING }
}
