package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierdesk.ApplicationProcess;
import com.tierdesk.TierDeskApplication;
import com.tierdesk.security.ApiTokens;
import com.tierdesk.security.Role;
import com.tierdesk.security.TestAccounts;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.tiering.ScoringModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills a {@code tierdesk publish} process with SIGKILL while the listener that feeds the customers' timelines is
 * midway through a published run's changes (some pages recorded, the publication not completed), then starts the
 * application again: it resubmits the outstanding publication and the listener runs once more from the start, and
 * in the end every change is on the timeline exactly once and the publication has one audit entry. On H2 (a file
 * database that both processes open) and on PostgreSQL.
 */
class ListenerRestartTests {

    static final long FIRST = 750_000_000L;
    static final int CUSTOMERS = 60_000;
    static final String TIMELINE_LISTENER = "tiering.customer-timeline.run";

    @TempDir
    Path work;

    @Test
    void aListenerKilledMidwayRunsOnceMoreAfterARestartAndRecordsEachChangeOnce() throws Exception {
        String url = databaseUrl();
        long run;
        try (ConfigurableApplicationContext first = start(url)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            var generated = new GeneratedRuns(first.getBean(DataSource.class), first.getBean(BusinessTime.class));
            generated.remove(FIRST, CUSTOMERS, -1);
            generated.customers(FIRST, CUSTOMERS);
            run = generated.approvedRun(first.getBean(ScoringModels.class).active(), FIRST, CUSTOMERS);

            String supervisor = new TestAccounts(first.getBean(UserAccounts.class), first.getBean(ApiTokens.class))
                    .person(Role.SUPERVISOR).username();
            Process publishing = publishInAnotherProcess(url, run, supervisor);
            long recorded = awaitListenerMidway(jdbc, publishing, run);
            publishing.destroyForcibly();
            assertThat(publishing.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(recorded).as("killed midway").isBetween(1L, CUSTOMERS - 1L);
            assertThat(jdbc.sql("SELECT status FROM assessment_run WHERE id = :run").param("run", run).query(String.class)
                    .single()).isEqualTo("PUBLISHED");
            assertThat(timelinePublication(jdbc, run)).as("the listener's publication").isEqualTo("PROCESSING");
        }

        try (ConfigurableApplicationContext restarted = start(url)) {
            JdbcClient jdbc = restarted.getBean(JdbcClient.class);
            await().atMost(Duration.ofMinutes(3)).until(() -> "COMPLETED".equals(timelinePublication(jdbc, run)));

            assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id = :listener "
                            + "AND serialized_event LIKE :event AND last_resubmission_date IS NOT NULL")
                    .param("listener", TIMELINE_LISTENER).param("event", "%\"run\":" + run + ",%").query(Long.class)
                    .single()).as("resubmitted by the restart").isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_tier_timeline WHERE cause = 'ASSESSMENT' AND cause_id = :run")
                    .param("run", run).query(Long.class).single()).as("every change once").isEqualTo(CUSTOMERS);
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM customer_tier_timeline l JOIN tier_history h
                        ON h.customer_id = l.customer_id AND h.run_id = l.cause_id
                     WHERE l.cause = 'ASSESSMENT' AND l.cause_id = :run AND l.tier = h.tier AND l.changed_at = h.changed_at
                    """).param("run", run).query(Long.class).single()).isEqualTo(CUSTOMERS);
            await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication "
                    + "WHERE serialized_event LIKE :event AND completion_date IS NULL")
                    .param("event", "%\"run\":" + run + ",%").query(Long.class).single() == 0);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'RUN_PUBLISHED' AND subject = :subject")
                    .param("subject", "run " + run).query(Long.class).single()).isEqualTo(1);

            new GeneratedRuns(restarted.getBean(DataSource.class), restarted.getBean(BusinessTime.class))
                    .remove(FIRST, CUSTOMERS, run);
        }
    }

    /** PostgreSQL when the suite runs on it, else an H2 file database that another process can open too. */
    private String databaseUrl() {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        return postgres != null && postgres.startsWith("jdbc:postgresql:") ? postgres
                : "jdbc:h2:file:" + work.resolve("restart").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;LOCK_TIMEOUT=30000";
    }

    /** An instance of the application without web server or background tasks, as a restart brings one up. */
    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(TierDeskApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--tierdesk.demo.enabled=false",
                        "--tierdesk.security.demo-users=false", "--tierdesk.scheduler.recurring=false",
                        "--spring.modulith.events.republish-outstanding-events-on-restart=true");
    }

    private Process publishInAnotherProcess(String url, long run, String supervisor) throws IOException {
        var command = ApplicationProcess.command(work, "publish", Long.toString(run), "--by", supervisor);
        command.environment().put("SPRING_DATASOURCE_URL", url);
        command.redirectErrorStream(true).redirectOutput(work.resolve("publish.log").toFile());
        return command.start();
    }

    /** Waits until the run is published and the timeline listener has recorded some of its changes, not all. */
    private long awaitListenerMidway(JdbcClient jdbc, Process publishing, long run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline && publishing.isAlive()) {
            long recorded = jdbc.sql("SELECT COUNT(*) FROM customer_tier_timeline WHERE cause = 'ASSESSMENT' AND cause_id = :run")
                    .param("run", run).query(Long.class).single();
            if (recorded > 0) {
                return recorded;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the listener never started recording (publishing process alive: " + publishing.isAlive()
                + ")\n" + Files.readString(work.resolve("publish.log")));
    }

    private static String timelinePublication(JdbcClient jdbc, long run) {
        return jdbc.sql("SELECT status FROM event_publication WHERE listener_id = :listener AND serialized_event LIKE :event")
                .param("listener", TIMELINE_LISTENER).param("event", "%\"run\":" + run + ",%").query(String.class)
                .optional().orElse(null);
    }

}
