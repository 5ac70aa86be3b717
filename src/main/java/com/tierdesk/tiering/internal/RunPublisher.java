package com.tierdesk.tiering.internal;

import com.tierdesk.shared.Conflict;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.RunSummary;
import com.tierdesk.tiering.TierChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an approved run in one transaction: the customers' current tiers, their timelines and the
 * {@link TierChanged} events change together or not at all, so a crash midway leaves every customer on
 * the old tiers and publishing can simply be retried. A customer under an active override keeps the
 * override's tier; the assessed tier underneath still moves.
 */
@Component
public class RunPublisher {

    private final RunStore runs;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;
    private final DataSource dataSource;
    private final boolean postgres;

    RunPublisher(RunStore runs, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, JsonMapper json,
            DataSource dataSource) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.dataSource = dataSource;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** @return how many customers' effective tier changed; 0 as well when the run was published already */
    @Transactional
    public long publish(long runId) {
        RunStore.RunRow run = runs.lock(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (run.status() == RunStatus.PUBLISHED) {
            return 0;
        }
        if (run.status() != RunStatus.APPROVED) {
            throw new Conflict("status", "run " + runId + " is " + run.status() + "; only an approved run is published");
        }
        requirePublishable(run);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO tier_history (customer_id, tier, previous_tier, changed_at, source, run_id)
                SELECT r.customer_id, r.tier, t.effective_tier, :now, 'RUN', :run
                  FROM publishing_result r LEFT JOIN customer_tier t ON t.customer_id = r.customer_id
                 WHERE t.customer_id IS NULL OR (t.override_id IS NULL AND t.effective_tier <> r.tier)
                """).param("now", JdbcTimestamps.toColumn(now)).param("run", runId).update();
        jdbc.sql("""
                MERGE INTO customer_tier t
                USING (SELECT customer_id, tier, score, downgrade_pending FROM publishing_result) r
                   ON (t.customer_id = r.customer_id)
                 WHEN MATCHED THEN UPDATE SET assessed_tier = r.tier, assessed_run_id = :run, score = r.score,
                      downgrade_pending = r.downgrade_pending,
                      effective_since = CASE WHEN t.override_id IS NULL AND t.effective_tier <> r.tier THEN :now
                                             ELSE t.effective_since END,
                      effective_tier = CASE WHEN t.override_id IS NULL THEN r.tier ELSE t.effective_tier END
                 WHEN NOT MATCHED THEN INSERT (customer_id, assessed_tier, assessed_run_id, score, downgrade_pending,
                      effective_tier, effective_since)
                      VALUES (r.customer_id, r.tier, :run, r.score, r.downgrade_pending, r.tier, :now)
                """).param("run", runId).param("now", JdbcTimestamps.toColumn(now)).update();
        runs.published(runId, now);
        List<TierChanged> changes = new ArrayList<>();
        jdbc.sql("SELECT customer_id, previous_tier, tier FROM tier_history WHERE run_id = :run AND source = 'RUN'")
                .param("run", runId).withFetchSize(10_000)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> changes.add(new TierChanged(
                        CustomerId.of(rs.getLong(1)), rs.getString(2), rs.getString(3), RunId.of(runId), null)));
        changes.forEach(events::publishEvent);
        return changes.size();
    }

    /**
     * Refuses a run older than the last published one, and a run decided against tiers that have changed
     * since (another run published in between for some of its customers): its diff and hysteresis would be
     * wrong, so it must be assessed again. Leaves the run's results unpacked in the caller's transaction.
     */
    public void requirePublishable(RunStore.RunRow run) {
        runs.lastPublished().filter(last -> last.asOf().isAfter(run.asOf())).ifPresent(last -> {
            throw new Conflict("asOf", "run " + run.id() + " is as of " + run.asOf() + ", older than run " + last.id()
                    + " as of " + last.asOf() + " which is published; assess again as of a later date");
        });
        if (postgres) {
            // a run can move a million tiers at once, faster than autovacuum notices: fresh statistics keep the
            // joins set-based instead of row by row
            jdbc.sql("ANALYZE customer_tier").update();
        }
        PublishingStage.stage(dataSource, run.id(), json.readValue(run.summary(), RunSummary.class).tiers());
        long stale = jdbc.sql("""
                SELECT COUNT(*) FROM publishing_result r LEFT JOIN customer_tier t ON t.customer_id = r.customer_id
                 WHERE COALESCE(t.assessed_tier, '-') <> COALESCE(r.previous_tier, '-')
                    OR COALESCE(t.downgrade_pending, FALSE) <> r.previous_pending
                """).query(Long.class).single();
        if (stale > 0) {
            throw new Conflict("status", stale + " of the run's customers got a new published tier after run "
                    + run.id() + " was computed; assess them again");
        }
    }
}
