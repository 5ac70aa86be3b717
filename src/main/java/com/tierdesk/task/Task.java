package com.tierdesk.task;

import com.tierdesk.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A task on the list. {@code title} and {@code detail} are what a person wrote, {@code reason} why the system created
 * it (either may be absent); {@code owner} is a username, or {@code null} while the task is in the supervisors' pool.
 */
public record Task(long id, TaskKind kind, CustomerId customerId, String title, String detail, TaskReason reason,
        String owner, LocalDate dueOn, TaskStatus status, String outcome, Instant createdAt, Instant completedAt,
        String completedBy) {

    public boolean overdue(LocalDate today) {
        return status == TaskStatus.OPEN && dueOn.isBefore(today);
    }

    public boolean inPool() {
        return owner == null;
    }
}
