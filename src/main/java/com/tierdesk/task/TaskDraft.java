package com.tierdesk.task;

import com.tierdesk.customer.CustomerId;
import java.time.LocalDate;

/**
 * A task to create. {@code sourceKey} names what the task comes from (a churn warning for one customer's
 * lapse, say): the same key never makes a second task, however often or on how many instances it is created.
 */
public record TaskDraft(TaskKind kind, CustomerId customerId, String title, String detail, String owner,
        LocalDate dueOn, String sourceKey) {
}
