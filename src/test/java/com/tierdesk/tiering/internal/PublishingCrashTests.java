package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierdesk.PostgresOnly;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.Role;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.RunStatus;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.TiersPublished;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills a {@code tierdesk publish} process with SIGKILL while it writes a large run's tiers, then checks that no
 * customer got anything of the new run and no other module heard of it, and that publishing again completes it with
 * every customer's records agreeing and one event for each listener.
 */
@PostgresOnly
@SpringBootTest
class PublishingCrashTests {

    static final long FIRST_ID = 900_000_000L;
    static final int CUSTOMERS = 300_000;
    static final List<String> TIERS = List.of("VIP", "KEY", "REGULAR", "WATCH");
    static final String APPLICATION = "tierdesk-publish-crash-test";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Assessments assessments;

    @Autowired
    RunDecisions decisions;

    @Autowired
    ScoringModels models;

    @Autowired
    UserAccounts accounts;

    @Autowired
    BusinessTime time;

    @Autowired
    ApiTokens tokens;

    long runId;

    @Test
    void aPublishingKilledMidwayLeavesTheOldTiersAndCanBeRetried() throws Exception {
        runId = approvedRunOfGeneratedCustomers();
        Process publishing = publishInAnotherProcess(runId, supervisor().username());
        int backend = awaitWritingTiers(publishing);

        publishing.destroyForcibly();
        assertThat(publishing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitGone(backend);

        assertThat(count("SELECT COUNT(*) FROM customer_tier WHERE assessed_run_id = :run")).isZero();
        assertThat(count("SELECT COUNT(*) FROM tier_history WHERE run_id = :run")).isZero();
        assertThat(publications()).as("the event is written with the tiers or not at all").isZero();
        assertThat(assessments.get(RunId.of(runId)).status()).isEqualTo(RunStatus.APPROVED);

        decisions.publish(RunId.of(runId));

        assertThat(assessments.get(RunId.of(runId)).status()).isEqualTo(RunStatus.PUBLISHED);
        assertThat(count("SELECT COUNT(*) FROM customer_tier WHERE assessed_run_id = :run")).isEqualTo(CUSTOMERS);
        assertThat(count("SELECT COUNT(*) FROM tier_history WHERE run_id = :run")).isEqualTo(CUSTOMERS);
        assertThat(publications()).as("one TiersPublished for each listener: the audit, the customer timeline and the open tickets")
                .isEqualTo(3);
        assertThat(count("""
                SELECT COUNT(*) FROM customer_tier t JOIN tier_history h ON h.customer_id = t.customer_id AND h.run_id = :run
                 WHERE t.effective_tier <> h.tier
                    OR t.effective_tier <> CASE MOD(t.customer_id, 4) WHEN 0 THEN 'VIP' WHEN 1 THEN 'KEY'
                                                                      WHEN 2 THEN 'REGULAR' ELSE 'WATCH' END
                """)).as("every customer's current tier, result and timeline agree").isZero();
        await().atMost(Duration.ofMinutes(2)).until(() -> count("""
                SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE
                       '%"run":' || :run || ',%'
                """) == 0);
    }

    @AfterEach
    void removeGeneratedCustomers() {
        jdbc.sql("DELETE FROM tier_history WHERE customer_id >= :first").param("first", FIRST_ID).update();
        jdbc.sql("DELETE FROM customer_tier WHERE customer_id >= :first").param("first", FIRST_ID).update();
        jdbc.sql("DELETE FROM assessment_result_chunk WHERE run_id = :run").param("run", runId).update();
    }

    /** A run approved for publishing with one result per generated customer, tiers spread over the ladder. */
    private long approvedRunOfGeneratedCustomers() throws Exception {
        ModelVersion model = models.active();
        long run = jdbc.sql("""
                INSERT INTO assessment_run (model_id, model_version, as_of, status, trigger_kind, started_by, created_at,
                       decided_by, decided_at, summary, population, assessed)
                VALUES (:model, :version, :asOf, 'APPROVED', 'MANUAL', 'analyst', now(), 'supervisor', now(),
                        :summary, :customers, :customers)
                RETURNING id
                """).param("model", model.modelId()).param("version", model.version()).param("asOf", time.today())
                .param("summary", """
                        {"tiers": ["VIP", "KEY", "REGULAR", "WATCH"], "distribution": {}, "matrix": [], "upgrades": 0,
                         "downgrades": 0, "newCustomers": 300000, "unchanged": 0, "held": 0, "churned": 0, "floors": {},
                         "millis": {}}""")
                .param("customers", CUSTOMERS).query(Long.class).single();
        long[] ids = new long[CUSTOMERS];
        int[] tiers = new int[CUSTOMERS];
        int[] none = new int[CUSTOMERS];
        Arrays.fill(none, -1);
        for (int i = 0; i < CUSTOMERS; i++) {
            ids[i] = FIRST_ID + i;
            tiers[i] = (int) (ids[i] % 4);
        }
        int[] all = java.util.stream.IntStream.range(0, CUSTOMERS).toArray();
        var results = new RunResults(run, TIERS, ids, new double[CUSTOMERS], tiers, tiers, new byte[CUSTOMERS], none,
                new boolean[CUSTOMERS], none, new boolean[CUSTOMERS], new long[CUSTOMERS], null, new double[0][],
                new double[0][], all);
        try (Connection connection = dataSource.getConnection()) {
            ResultWriter.write(connection, results, done -> { });
        }
        return run;
    }

    private UserAccount supervisor() {
        return new TestAccounts(accounts, tokens).person(Role.SUPERVISOR);
    }

    private Process publishInAnotherProcess(long run, String supervisor) throws Exception {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.tierdesk.TierDeskApplication", "publish", Long.toString(run),
                "--by", supervisor);
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

    private long publications() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type = :type AND serialized_event LIKE :run")
                .param("type", TiersPublished.class.getName()).param("run", "%\"run\":" + runId + ",%")
                .query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("run", runId).query(Long.class).single();
    }
}
