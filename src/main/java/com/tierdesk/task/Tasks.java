package com.tierdesk.task;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Conflict;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.JdbcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The task list: create tasks idempotently, list them by owner and status, complete them with an outcome. */
@Service
@Transactional(readOnly = true)
public class Tasks {

    private static final String COLUMNS = "id, kind, customer_id, title, detail, owner, due_on, status, outcome, "
            + "created_at, completed_at, completed_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    Tasks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates the task unless one with the same source key exists, in the caller's transaction.
     *
     * @return the new task, or empty when the source already has one
     */
    @Transactional
    public Optional<Task> create(TaskDraft draft) {
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 200) {
            throw InvalidInput.of("title", "a task needs a title of 1 to 200 characters");
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM task WHERE source_key = :key").param("key", draft.sourceKey())
                .query(Long.class).single() > 0;
        if (exists) {
            return Optional.empty();
        }
        jdbc.sql("""
                INSERT INTO task (kind, customer_id, title, detail, owner, due_on, status, source_key, created_at)
                VALUES (:kind, :customer, :title, :detail, :owner, :due, 'OPEN', :key, :now)
                """)
                .param("kind", draft.kind().name())
                .param("customer", draft.customerId() == null ? null : draft.customerId().value())
                .param("title", draft.title())
                .param("detail", draft.detail())
                .param("owner", draft.owner())
                .param("due", draft.dueOn())
                .param("key", draft.sourceKey())
                .param("now", JdbcTimestamps.toColumn(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT id FROM task WHERE source_key = :key").param("key", draft.sourceKey())
                .query(Long.class).single();
        return find(id);
    }

    public Task get(long id) {
        return find(id).orElseThrow(() -> new NotFound("task", "id", id));
    }

    public Optional<Task> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE id = :id").param("id", id).query(Tasks::map).optional();
    }

    /** Tasks by owner (any owner when {@code null}) and status (any when {@code null}), the earliest due first. */
    public List<Task> list(String owner, TaskStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE (CAST(:owner AS VARCHAR(100)) IS NULL OR owner = :owner) "
                        + "AND (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status) ORDER BY due_on, id "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("owner", owner)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(Tasks::map).list();
    }

    public List<Task> ofCustomer(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE customer_id = :customer ORDER BY created_at DESC, id DESC")
                .param("customer", customer.value()).query(Tasks::map).list();
    }

    /** Closes an open task as done or cancelled, with what came of it. */
    @Transactional
    public Task complete(long id, TaskStatus status, String outcome, String by) {
        if (status == null || status == TaskStatus.OPEN) {
            throw InvalidInput.of("status", "a task is completed as DONE or CANCELLED");
        }
        if (outcome == null || outcome.isBlank() || outcome.length() > 2000) {
            throw InvalidInput.of("outcome", "the outcome must be 1 to 2000 characters");
        }
        int updated = jdbc.sql("UPDATE task SET status = :status, outcome = :outcome, completed_at = :now, completed_by = :by "
                        + "WHERE id = :id AND status = 'OPEN'")
                .param("status", status.name()).param("outcome", outcome.strip())
                .param("now", JdbcTimestamps.toColumn(clock.instant())).param("by", by).param("id", id).update();
        Task task = get(id);
        if (updated == 0) {
            throw new Conflict("status", "task " + id + " is already " + task.status());
        }
        return task;
    }

    private static Task map(ResultSet rs, int row) throws SQLException {
        long customer = rs.getLong("customer_id");
        return new Task(rs.getLong("id"), TaskKind.valueOf(rs.getString("kind")), rs.wasNull() ? null : CustomerId.of(customer),
                rs.getString("title"), rs.getString("detail"), rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                TaskStatus.valueOf(rs.getString("status")), rs.getString("outcome"), JdbcTimestamps.read(rs, "created_at"),
                JdbcTimestamps.read(rs, "completed_at"), rs.getString("completed_by"));
    }
}
