package com.tierdesk.task;

import com.tierdesk.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;

/** A task on the list; {@code owner} is a username, or {@code null} while nobody owns it. */
public record Task(long id, TaskKind kind, CustomerId customerId, String title, String detail, String owner,
        LocalDate dueOn, TaskStatus status, String outcome, Instant createdAt, Instant completedAt, String completedBy) {

    public boolean overdue(LocalDate today) {
        return status == TaskStatus.OPEN && dueOn.isBefore(today);
    }
}
