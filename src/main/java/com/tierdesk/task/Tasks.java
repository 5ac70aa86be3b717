package com.tierdesk.task;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task list: create tasks idempotently, list them by owner and status or as the supervisors' pool (tasks
 * without an owner), take a task from the pool, complete tasks with an outcome.
 */
@Service
@Transactional(readOnly = true)
public class Tasks {

    private static final String COLUMNS = "id, kind, customer_id, title, detail, reason_code, reason_figures, owner, due_on, "
            + "status, outcome, created_at, completed_at, completed_by";
    private static final int KEYS_PER_STATEMENT = 1_000;
    /** Rows a cursor reads at a time while the list is exported. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final JsonMapper json;
    private final BusinessTime time;

    Tasks(JdbcClient jdbc, NamedParameterJdbcTemplate batches, JsonMapper json, BusinessTime time) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.time = time;
    }

    /**
     * Creates the task unless one with the same source key exists, in the caller's transaction.
     *
     * @return the new task, or empty when the source already has one
     */
    @Transactional
    public Optional<Task> create(TaskDraft draft) {
        Long id = createAll(List.of(draft)).get(draft.sourceKey());
        return id == null ? Optional.empty() : find(id);
    }

    /**
     * Creates the tasks whose sources have none yet, in one batch in the caller's transaction; a source that has a
     * task already, or appears twice, makes no second one.
     *
     * @return the ids of the tasks created, by source key
     */
    @Transactional
    public Map<String, Long> createAll(List<TaskDraft> drafts) {
        List<FieldProblem> problems = new ArrayList<>();
        drafts.forEach(draft -> problems.addAll(problems(draft)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (drafts.isEmpty()) {
            return Map.of();
        }
        Instant now = time.now();
        MapSqlParameterSource[] rows = drafts.stream().map(draft -> new MapSqlParameterSource()
                .addValue("kind", draft.kind().name())
                .addValue("customer", draft.customerId() == null ? null : draft.customerId().value())
                .addValue("title", draft.title() == null ? null : draft.title().strip())
                .addValue("detail", draft.detail() == null ? null : draft.detail().strip())
                .addValue("code", draft.reason() == null ? null : draft.reason().code())
                .addValue("figures", draft.reason() == null ? null : json.writeValueAsString(draft.reason().figures()))
                .addValue("owner", draft.owner())
                .addValue("due", draft.dueOn())
                .addValue("key", draft.sourceKey())
                .addValue("now", JdbcTimestamps.toColumn(now))).toArray(MapSqlParameterSource[]::new);
        int[] inserted = batches.batchUpdate("""
                INSERT INTO task (kind, customer_id, title, detail, reason_code, reason_figures, owner, due_on, status,
                                  source_key, created_at)
                VALUES (:kind, :customer, :title, :detail, :code, :figures, :owner, :due, 'OPEN', :key, :now)
                ON CONFLICT DO NOTHING
                """, rows);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] != 0) {
                created.add(drafts.get(i).sourceKey());
            }
        }
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < created.size(); from += KEYS_PER_STATEMENT) {
            jdbc.sql("SELECT source_key, id FROM task WHERE source_key IN (:keys)")
                    .param("keys", created.subList(from, Math.min(created.size(), from + KEYS_PER_STATEMENT)))
                    .query(rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return ids;
    }

    private static List<FieldProblem> problems(TaskDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.kind() == null) {
            problems.add(FieldProblem.of("kind", "problem.required"));
        }
        if (draft.dueOn() == null) {
            problems.add(FieldProblem.of("dueOn", "problem.required"));
        }
        if (draft.reason() == null) {
            TextRules.requiredLine(draft.title(), 200).ifPresent(reason -> problems.add(FieldProblem.of("title", "problem.task.title", reason)));
        } else {
            TextRules.line(draft.title(), 200).ifPresent(reason -> problems.add(new FieldProblem("title", reason)));
        }
        TextRules.multiline(draft.detail(), 2000).ifPresent(reason -> problems.add(new FieldProblem("detail", reason)));
        TextRules.line(draft.owner(), 100).ifPresent(reason -> problems.add(new FieldProblem("owner", reason)));
        TextRules.requiredLine(draft.sourceKey(), 200).ifPresent(reason -> problems.add(new FieldProblem("sourceKey", reason)));
        return problems;
    }

    public Task get(long id) {
        return find(id).orElseThrow(() -> new NotFound("id", "problem.no-task", id));
    }

    public Optional<Task> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** Tasks by owner (any owner when {@code null}) and status (any when {@code null}), the earliest due first. */
    public List<Task> list(String owner, TaskStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE (CAST(:owner AS VARCHAR(100)) IS NULL OR owner = :owner) "
                        + "AND (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status) ORDER BY due_on, id "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("owner", owner)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(this::map).list();
    }

    /**
     * Every task of {@link #list} (the pool's when {@code pool}), without its limit, handed to {@code each} as the rows
     * are read: in this read-only transaction PostgreSQL reads them through a cursor a few hundred at a time.
     */
    public void export(String owner, TaskStatus status, boolean pool, Consumer<Task> each) {
        String where = pool ? "owner IS NULL AND status = 'OPEN'"
                : "(CAST(:owner AS VARCHAR(100)) IS NULL OR owner = :owner) "
                        + "AND (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status)";
        var statement = jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE " + where + " ORDER BY due_on, id");
        if (!pool) {
            statement = statement.param("owner", owner).param("status", status == null ? null : status.name());
        }
        statement.withFetchSize(EXPORT_FETCH_SIZE).query((RowCallbackHandler) rs -> each.accept(map(rs, 0)));
    }

    /** The supervisors' pool: open tasks without an owner, the earliest due first. */
    public List<Task> pool(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE owner IS NULL AND status = 'OPEN' ORDER BY due_on, id "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(this::map).list();
    }

    public List<Task> ofCustomer(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE customer_id = :customer ORDER BY created_at DESC, id DESC")
                .param("customer", customer.value()).query(this::map).list();
    }

    /** Takes an open task from the pool: {@code by} owns it from now on. */
    @Transactional
    public Task take(long id, String by) {
        int updated = jdbc.sql("UPDATE task SET owner = :by WHERE id = :id AND owner IS NULL AND status = 'OPEN'")
                .param("by", by).param("id", id).update();
        Task task = get(id);
        if (updated == 0) {
            throw task.status() != TaskStatus.OPEN
                    ? new Conflict("owner", "problem.task.already", id, task.status())
                    : new Conflict("owner", "problem.task.owned", id, task.owner());
        }
        return task;
    }

    /** Closes an open task as done or cancelled, with what came of it. */
    @Transactional
    public Task complete(long id, TaskStatus status, String outcome, String by) {
        if (status == null || status == TaskStatus.OPEN) {
            throw InvalidInput.of("status", "problem.task.completion-status");
        }
        Optional<Reason> badOutcome = outcome == null || outcome.isBlank() ? Optional.of(Reason.of("problem.task.outcome", 2000))
                : TextRules.multiline(outcome, 2000);
        if (badOutcome.isPresent()) {
            throw InvalidInput.of("outcome", badOutcome.get());
        }
        int updated = jdbc.sql("UPDATE task SET status = :status, outcome = :outcome, completed_at = :now, completed_by = :by "
                        + "WHERE id = :id AND status = 'OPEN'")
                .param("status", status.name()).param("outcome", outcome.strip())
                .param("now", JdbcTimestamps.toColumn(time.now())).param("by", by).param("id", id).update();
        Task task = get(id);
        if (updated == 0) {
            throw new Conflict("status", "problem.task.already", id, task.status());
        }
        return task;
    }

    private Task map(ResultSet rs, int row) throws SQLException {
        long customer = rs.getLong("customer_id");
        CustomerId customerId = rs.wasNull() ? null : CustomerId.of(customer);
        String code = rs.getString("reason_code");
        TaskReason reason = code == null ? null
                : new TaskReason(code, List.of(json.readValue(rs.getString("reason_figures"), String[].class)));
        return new Task(rs.getLong("id"), TaskKind.valueOf(rs.getString("kind")), customerId, rs.getString("title"),
                rs.getString("detail"), reason, rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                TaskStatus.valueOf(rs.getString("status")), rs.getString("outcome"), JdbcTimestamps.read(rs, "created_at"),
                JdbcTimestamps.read(rs, "completed_at"), rs.getString("completed_by"));
    }
}
