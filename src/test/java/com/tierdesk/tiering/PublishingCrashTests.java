package com.tierdesk.tiering;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.PostgresOnly;
import com.tierdesk.tiering.scoring.ModelPresets;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills a {@code tierdesk publish} process with SIGKILL while it writes a large run's tiers, then checks that no
 * customer got anything of the new run, and that publishing again completes it with every customer's records
 * agreeing.
 */
@PostgresOnly
@SpringBootTest
class PublishingCrashTests {

    static final long FIRST_ID = 900_000_000L;
    static final int CUSTOMERS = 300_000;
    static final String APPLICATION = "tierdesk-publish-crash-test";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Assessments assessments;

    @Autowired
    ScoringModels models;

    long runId;

    @Test
    void aPublishingKilledMidwayLeavesTheOldTiersAndCanBeRetried() throws Exception {
        runId = approvedRunOfGeneratedCustomers();
        Process publishing = publishInAnotherProcess(runId);
        int backend = awaitWritingTiers(publishing);

        publishing.destroyForcibly();
        assertThat(publishing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitGone(backend);

        assertThat(count("SELECT COUNT(*) FROM customer_tier WHERE assessed_run_id = :run")).isZero();
        assertThat(count("SELECT COUNT(*) FROM tier_history WHERE run_id = :run")).isZero();
        assertThat(assessments.get(RunId.of(runId)).status()).isEqualTo(RunStatus.APPROVED);

        assessments.publish(RunId.of(runId));

        assertThat(assessments.get(RunId.of(runId)).status()).isEqualTo(RunStatus.PUBLISHED);
        assertThat(count("SELECT COUNT(*) FROM customer_tier WHERE assessed_run_id = :run")).isEqualTo(CUSTOMERS);
        assertThat(count("SELECT COUNT(*) FROM tier_history WHERE run_id = :run")).isEqualTo(CUSTOMERS);
        assertThat(count("""
                SELECT COUNT(*) FROM customer_tier t JOIN assessment_result r ON r.customer_id = t.customer_id AND r.run_id = :run
                  JOIN tier_history h ON h.customer_id = t.customer_id AND h.run_id = :run
                 WHERE t.effective_tier <> r.tier OR h.tier <> r.tier
                """)).as("every customer's current tier, result and timeline agree").isZero();
    }

    @AfterEach
    void removeGeneratedCustomers() {
        jdbc.sql("DELETE FROM tier_history WHERE customer_id >= :first").param("first", FIRST_ID).update();
        jdbc.sql("DELETE FROM customer_tier WHERE customer_id >= :first").param("first", FIRST_ID).update();
        jdbc.sql("DELETE FROM assessment_result WHERE run_id = :run").param("run", runId).update();
    }

    /** A run approved for publishing with one result per generated customer, tiers spread over the ladder. */
    private long approvedRunOfGeneratedCustomers() {
        ModelVersion model = models.get(models.list().stream()
                .filter(m -> m.name().equals(ModelPresets.DEFAULT)).findFirst().orElseThrow().modelId());
        long run = jdbc.sql("""
                INSERT INTO assessment_run (model_id, model_version, as_of, status, trigger_kind, started_by, created_at,
                       decided_by, decided_at)
                VALUES (:model, :version, CURRENT_DATE, 'APPROVED', 'MANUAL', 'analyst', now(), 'supervisor', now())
                RETURNING id
                """).param("model", model.modelId()).param("version", model.version()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO assessment_result (run_id, customer_id, score, graded_tier, tier, reason, grading_rule,
                       downgrade_pending, previous_tier, previous_pending, raw_values, indicator_scores)
                SELECT :run, :first + g, g % 100, t.code, t.code, 0, -1, FALSE, NULL, FALSE, ''::bytea, ''::bytea
                  FROM generate_series(0, :count - 1) g
                  JOIN (VALUES (0, 'VIP'), (1, 'KEY'), (2, 'REGULAR'), (3, 'WATCH')) t (n, code) ON t.n = g % 4
                """).param("run", run).param("first", FIRST_ID).param("count", CUSTOMERS).update();
        return run;
    }

    private Process publishInAnotherProcess(long run) throws Exception {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.tierdesk.TierDeskApplication", "publish", Long.toString(run));
        command.environment().put("SPRING_DATASOURCE_URL", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION);
        command.redirectErrorStream(true).redirectOutput(new File(System.getProperty("java.io.tmpdir"), APPLICATION + ".log"));
        return command.start();
    }

    /** The backend of the publishing process once it is writing tiers (inside its one transaction). */
    private int awaitWritingTiers(Process publishing) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && publishing.isAlive()) {
            Optional<Integer> backend = jdbc.sql("""
                    SELECT pid FROM pg_stat_activity WHERE application_name = :application AND state = 'active'
                       AND (query LIKE '%INSERT INTO tier_history%' OR query LIKE '%MERGE INTO customer_tier%')
                    """).param("application", APPLICATION).query(Integer.class).optional();
            if (backend.isPresent()) {
                return backend.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the publishing process never got to writing tiers (alive: " + publishing.isAlive() + ")");
    }

    /** PostgreSQL rolls the dead client's transaction back once the statement notices; wait for the backend to go. */
    private void awaitGone(int backend) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Integer> alive = new ArrayList<>(List.of(backend));
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            alive = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE pid = :pid").param("pid", backend).query(Integer.class).list();
            Thread.sleep(50);
        }
        assertThat(alive).as("the killed client's backend ended").isEmpty();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("run", runId).query(Long.class).single();
    }
}
