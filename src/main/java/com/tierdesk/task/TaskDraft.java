package com.tierdesk.task;

import com.tierdesk.customer.CustomerId;
import java.time.LocalDate;

/**
 * A task to create: with a title (and a detail) that a person wrote, or with a {@link TaskReason} when the system
 * creates it, or both. {@code owner} {@code null} puts the task in the supervisors' pool. {@code sourceKey} names
 * what the task comes from (a churn warning for one customer's lapse, say): the same key never makes a second task,
 * however often or on how many instances it is created.
 */
public record TaskDraft(TaskKind kind, CustomerId customerId, String title, String detail, TaskReason reason,
        String owner, LocalDate dueOn, String sourceKey) {

    public TaskDraft(TaskKind kind, CustomerId customerId, String title, String detail, String owner, LocalDate dueOn,
            String sourceKey) {
        this(kind, customerId, title, detail, null, owner, dueOn, sourceKey);
    }
}
