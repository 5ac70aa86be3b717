package com.tierdesk.tiering.internal;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.NotFound;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.RunSummary;
import com.tierdesk.tiering.TiersPublished;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an approved run in one transaction: the customers' current tiers and timelines (through the
 * {@link TierWriter}) and one {@link TiersPublished} event, stored by the event publication registry in the same
 * transaction, change together or not at all. A crash midway leaves every customer on the old tiers and publishing
 * can simply be retried. A customer under an active override keeps the override's tier; the assessed tier underneath
 * still moves.
 */
@Component
public class RunPublisher {

    private final RunStore runs;
    private final TierWriter writer;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final JsonMapper json;
    private final DataSource dataSource;
    private final boolean postgres;

    RunPublisher(RunStore runs, TierWriter writer, JdbcClient jdbc, ApplicationEventPublisher events, BusinessTime time,
            JsonMapper json, DataSource dataSource) {
        this.runs = runs;
        this.writer = writer;
        this.jdbc = jdbc;
        this.events = events;
        this.time = time;
        this.json = json;
        this.dataSource = dataSource;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** @return how many customers' effective tier changed; 0 as well when the run was published already */
    @Transactional
    public long publish(long runId) {
        RunStore.RunRow run = runs.lock(runId).orElseThrow(() -> new NotFound("id", "problem.no-run", runId));
        if (run.status() == RunStatus.PUBLISHED) {
            return 0;
        }
        if (run.status() != RunStatus.APPROVED) {
            throw new Conflict("status", "problem.run.not-approved", runId, run.status());
        }
        requirePublishable(run);
        Instant now = time.now();
        long changes = writer.publishRun(runId, now);
        runs.published(runId, now);
        events.publishEvent(new TiersPublished(RunId.of(runId), now, changes));
        return changes;
    }

    /**
     * Refuses a run older than the last published one, and a run decided against tiers that have changed
     * since (another run published in between for some of its customers): its diff and hysteresis would be
     * wrong, so it must be assessed again. Leaves the run's results unpacked in the caller's transaction.
     */
    public void requirePublishable(RunStore.RunRow run) {
        runs.lastPublished().filter(last -> last.asOf().isAfter(run.asOf())).ifPresent(last -> {
            throw new Conflict("asOf", "problem.run.older", run.id(), run.asOf(), last.id(), last.asOf());
        });
        if (postgres) {
            // a run can move a million tiers at once, faster than autovacuum notices: fresh statistics keep the
            // joins set-based instead of row by row. On a connection of its own: in the caller's transaction the
            // statistics' lock would be held to its end, and an approval would wait for a publication meanwhile
            try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("ANALYZE customer_tier");
            } catch (SQLException e) {
                throw new IllegalStateException("refreshing the statistics of the current tiers failed: " + e.getMessage(), e);
            }
        }
        PublishingStage.stage(dataSource, run.id(), json.readValue(run.summary(), RunSummary.class).tiers());
        long stale = jdbc.sql("""
                SELECT COUNT(*) FROM publishing_result r LEFT JOIN customer_tier t ON t.customer_id = r.customer_id
                 WHERE r.run_id = :run AND (COALESCE(t.assessed_tier, '-') <> COALESCE(r.previous_tier, '-')
                    OR COALESCE(t.downgrade_pending, FALSE) <> r.previous_pending)
                """).param("run", run.id()).query(Long.class).single();
        if (stale > 0) {
            throw new Conflict("status", "problem.run.stale", stale, run.id());
        }
    }
}
