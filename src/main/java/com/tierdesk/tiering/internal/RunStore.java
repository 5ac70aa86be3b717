package com.tierdesk.tiering.internal;

import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.Reason;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.TriggerKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Assessment runs as rows: parameters, status, progress, summary (JSON) and decision. */
@Repository
public class RunStore {

    private static final String COLUMNS = """
            r.id, r.model_id, m.name_zh AS model_name_zh, m.name_en AS model_name_en, r.model_version, r.as_of, r.segment, r.status, r.trigger_kind,
            r.trigger_reason, r.started_by, r.created_at, r.started_at, r.finished_at, r.stage, r.progress_done,
            r.progress_total, r.population, r.assessed, r.metrics, r.summary, r.purchase_model, r.decided_by,
            r.decided_at, r.decision_note, r.published_at, r.error, r.failure
            FROM assessment_run r JOIN scoring_model m ON m.id = r.model_id""";

    /** A run's row; {@code segment}, {@code summary} and {@code purchaseModel} are JSON, {@code metrics} a key list. */
    public record RunRow(long id, long modelId, Label modelName, int modelVersion, LocalDate asOf, String segment,
            RunStatus status, TriggerKind trigger, String triggerReason, String startedBy, Instant createdAt,
            Instant startedAt, Instant finishedAt, String stage, long progressDone, long progressTotal, Integer population,
            Integer assessed, String metrics, String summary, String purchaseModel, String decidedBy, Instant decidedAt,
            String decisionNote, Instant publishedAt, Reason error) {
    }

    private final JdbcClient jdbc;

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long modelId, int modelVersion, LocalDate asOf, String segment, TriggerKind trigger, String reason,
            String startedBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_run (model_id, model_version, as_of, segment, status, trigger_kind, trigger_reason,
                       started_by, created_at)
                VALUES (:model, :version, :asOf, :segment, 'QUEUED', :trigger, :reason, :by, :now)
                """)
                .param("model", modelId).param("version", modelVersion).param("asOf", asOf).param("segment", segment)
                .param("trigger", trigger.name()).param("reason", reason).param("by", startedBy)
                .param("now", JdbcTimestamps.toColumn(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<RunRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE r.id = :id").param("id", id).query(RunStore::map).optional();
    }

    /** Locks the run's row until the transaction ends, so decisions and publishing happen one at a time. */
    public Optional<RunRow> lock(long id) {
        jdbc.sql("SELECT id FROM assessment_run WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return find(id);
    }

    /** Runs with any of the statuses (all when none is given), newest first. */
    public List<RunRow> list(List<RunStatus> statuses, int limit) {
        String where = statuses.isEmpty() ? "" : " WHERE r.status IN (:statuses)";
        var spec = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY r.created_at DESC, r.id DESC FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit);
        if (!statuses.isEmpty()) {
            spec = spec.param("statuses", statuses.stream().map(Enum::name).toList());
        }
        return spec.query(RunStore::map).list();
    }

    /** The published run with the latest date (the latest published among equals). */
    public Optional<RunRow> lastPublished() {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE r.status = 'PUBLISHED' ORDER BY r.as_of DESC, r.published_at DESC "
                + "FETCH FIRST 1 ROWS ONLY").query(RunStore::map).optional();
    }

    /** The run of the model published last among those as of the date or before. */
    public Optional<RunRow> lastPublished(LocalDate asOf, long modelId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE r.status = 'PUBLISHED' AND r.as_of <= :asOf AND r.model_id = :model "
                + "ORDER BY r.as_of DESC, r.published_at DESC FETCH FIRST 1 ROWS ONLY")
                .param("asOf", asOf).param("model", modelId).query(RunStore::map).optional();
    }

    public void started(long id, Instant now, String metrics) {
        jdbc.sql("""
                UPDATE assessment_run SET status = 'RUNNING', started_at = :now, finished_at = NULL, error = NULL, failure = NULL,
                       metrics = :metrics, stage = 'READING', progress_done = 0, progress_total = 0
                 WHERE id = :id
                """).param("now", JdbcTimestamps.toColumn(now)).param("metrics", metrics).param("id", id).update();
    }

    public void progress(long id, String stage, long done, long total) {
        jdbc.sql("UPDATE assessment_run SET stage = :stage, progress_done = :done, progress_total = :total WHERE id = :id")
                .param("stage", stage).param("done", done).param("total", total).param("id", id).update();
    }

    public void scored(long id, RunStatus status, int population, int assessed, String summary, String purchaseModel,
            Instant now) {
        jdbc.sql("""
                UPDATE assessment_run SET status = :status, stage = 'DONE', finished_at = :now, population = :population,
                       assessed = :assessed, summary = :summary, purchase_model = :purchaseModel,
                       progress_done = progress_total
                 WHERE id = :id
                """)
                .param("status", status.name()).param("now", JdbcTimestamps.toColumn(now)).param("population", population)
                .param("assessed", assessed).param("summary", summary).param("purchaseModel", purchaseModel)
                .param("id", id).update();
    }

    /** Ends the run as failed for the reason, stored to be worded for each reader (and in English for the table's readers). */
    public void failed(long id, Reason failure, Instant now) {
        jdbc.sql("""
                UPDATE assessment_run SET status = 'FAILED', finished_at = :now, error = :error, failure = :failure
                 WHERE id = :id
                """)
                .param("now", JdbcTimestamps.toColumn(now)).param("error", english(failure))
                .param("failure", stored(failure)).param("id", id).update();
    }

    /** Fails the run if it still has the status (a run published meanwhile stays published). */
    public void failedIf(long id, RunStatus status, Reason failure, Instant now) {
        jdbc.sql("""
                UPDATE assessment_run SET status = 'FAILED', finished_at = :now, error = :error, failure = :failure
                 WHERE id = :id AND status = :status
                """)
                .param("now", JdbcTimestamps.toColumn(now)).param("error", english(failure))
                .param("failure", stored(failure)).param("id", id).param("status", status.name())
                .update();
    }

    private static String english(Reason failure) {
        String text = failure.toString();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    /** The reason as JSON; one too long for its column is kept as its English text alone. */
    private static String stored(Reason failure) {
        String json = RunFailures.json(failure);
        return json.length() > 4000 ? null : json;
    }

    public void decided(long id, RunStatus status, String by, String note, Instant now) {
        jdbc.sql("""
                UPDATE assessment_run SET status = :status, decided_by = :by, decided_at = :now, decision_note = :note
                 WHERE id = :id
                """)
                .param("status", status.name()).param("by", by).param("now", JdbcTimestamps.toColumn(now))
                .param("note", note).param("id", id).update();
    }

    public void published(long id, Instant now) {
        jdbc.sql("UPDATE assessment_run SET status = 'PUBLISHED', published_at = :now WHERE id = :id")
                .param("now", JdbcTimestamps.toColumn(now)).param("id", id).update();
    }

    /**
     * Removes the results of rejected and failed runs decided or ended before the instant; the runs and their
     * summaries stay. A run's results are a hundred megabytes for a million customers.
     *
     * @return how many runs lost their results
     */
    public int removeResultsOfRunsDroppedBefore(Instant before) {
        List<Long> dropped = jdbc.sql("""
                SELECT r.id FROM assessment_run r
                 WHERE r.status IN ('REJECTED', 'FAILED') AND COALESCE(r.decided_at, r.finished_at, r.created_at) < :before
                   AND EXISTS (SELECT 1 FROM assessment_result_chunk c WHERE c.run_id = r.id)
                """).param("before", JdbcTimestamps.toColumn(before)).query(Long.class).list();
        dropped.forEach(this::deleteResults);
        return dropped.size();
    }

    public void deleteResults(long id) {
        jdbc.sql("DELETE FROM assessment_result_chunk WHERE run_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM assessment_run_distribution WHERE run_id = :id").param("id", id).update();
    }

    private static RunRow map(ResultSet rs, int row) throws SQLException {
        int population = rs.getInt("population");
        Integer populationValue = rs.wasNull() ? null : population;
        int assessed = rs.getInt("assessed");
        Integer assessedValue = rs.wasNull() ? null : assessed;
        return new RunRow(rs.getLong("id"), rs.getLong("model_id"), new Label(rs.getString("model_name_zh"), rs.getString("model_name_en")), rs.getInt("model_version"),
                rs.getObject("as_of", LocalDate.class), rs.getString("segment"), RunStatus.valueOf(rs.getString("status")),
                TriggerKind.valueOf(rs.getString("trigger_kind")), rs.getString("trigger_reason"),
                rs.getString("started_by"), JdbcTimestamps.read(rs, "created_at"), JdbcTimestamps.read(rs, "started_at"),
                JdbcTimestamps.read(rs, "finished_at"), rs.getString("stage"), rs.getLong("progress_done"),
                rs.getLong("progress_total"), populationValue, assessedValue, rs.getString("metrics"),
                rs.getString("summary"), rs.getString("purchase_model"), rs.getString("decided_by"),
                JdbcTimestamps.read(rs, "decided_at"), rs.getString("decision_note"),
                JdbcTimestamps.read(rs, "published_at"), RunFailures.read(rs.getString("failure"), rs.getString("error")));
    }
}
