package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.tiering.RunDecisions;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.RunId;
import com.tierdesk.tiering.ScoringModels;
import com.tierdesk.tiering.TierChanged;
import com.tierdesk.tiering.TiersPublished;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing a run tells the other modules with one event, however many customers it moved; the listeners read the
 * run's changes page by page and record each once, even when the event reaches them twice.
 */
@SpringBootTest
@RecordApplicationEvents
class PublicationEventsTests {

    static final long FIRST = 700_000_000L;
    static final int CUSTOMERS = 10_001;
    static final Duration LISTENERS = Duration.ofSeconds(60);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessTime time;

    @Autowired
    RunDecisions decisions;

    @Autowired
    ScoringModels models;

    @Autowired
    CustomerTiers customerTiers;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEvents events;

    GeneratedRuns generated;
    long run;

    @Test
    void aPublicationIsOneEventAndTheListenersRecordEachChangeOnceEvenWhenItComesTwice() {
        generated = new GeneratedRuns(dataSource, time);
        generated.customers(FIRST, CUSTOMERS);
        run = approvedRun();

        decisions.publish(RunId.of(run));

        assertThat(events.stream(TiersPublished.class)).singleElement().satisfies(published -> {
            assertThat(published.run()).isEqualTo(RunId.of(run));
            assertThat(published.changes()).isEqualTo(CUSTOMERS);
        });
        assertThat(events.stream(TierChanged.class)).as("no event per customer").isEmpty();
        List<TierChanged> pages = allChanges(RunId.of(run), 4_000);
        assertThat(pages).hasSize(CUSTOMERS).extracting(change -> change.customerId().value()).isSorted()
                .doesNotHaveDuplicates();
        assertThat(pages).allSatisfy(change -> {
            assertThat(change.to()).isEqualTo(GeneratedRuns.tierOf(change.customerId().value()));
            assertThat(change.from()).isNull();
        });

        awaitListeners();
        assertRecordedOnce();

        TiersPublished again = events.stream(TiersPublished.class).findFirst().orElseThrow();
        new TransactionTemplate(transactions).executeWithoutResult(status -> publisher.publishEvent(again));
        awaitListeners();
        assertThat(publications("%\"run\":" + run + ",%")).as("delivered twice to each of its three listeners: the audit, the customer timeline and the open tickets")
                .isEqualTo(6);
        assertRecordedOnce();
    }

    private void assertRecordedOnce() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_tier_timeline WHERE cause = 'ASSESSMENT' AND cause_id = :run")
                .param("run", run).query(Long.class).single()).as("the customer module's timeline").isEqualTo(CUSTOMERS);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM customer_tier_timeline l JOIN tier_history h
                    ON h.customer_id = l.customer_id AND h.run_id = l.cause_id AND h.changed_at = l.changed_at
                 WHERE l.cause = 'ASSESSMENT' AND l.cause_id = :run AND l.tier = h.tier AND l.previous_tier IS NULL
                """).param("run", run).query(Long.class).single()).as("each entry as the run recorded it").isEqualTo(CUSTOMERS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'RUN_PUBLISHED' AND subject = :subject")
                .param("subject", "run " + run).query(Long.class).single()).isEqualTo(1);
    }

    private List<TierChanged> allChanges(RunId run, int page) {
        List<TierChanged> all = new ArrayList<>();
        CustomerId after = null;
        List<TierChanged> changes;
        do {
            changes = customerTiers.changesOf(run, after, page);
            all.addAll(changes);
            after = changes.isEmpty() ? after : changes.get(changes.size() - 1).customerId();
        } while (changes.size() == page);
        return all;
    }

    private long approvedRun() {
        try {
            return generated.approvedRun(models.active(), FIRST, CUSTOMERS);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitListeners() {
        await().atMost(LISTENERS).until(() -> publications("%\"run\":" + run + ",%") >= 2
                && incomplete("%\"run\":" + run + ",%") == 0);
    }

    private long publications(String event) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :event")
                .param("event", event).query(Long.class).single();
    }

    private long incomplete(String event) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :event AND completion_date IS NULL")
                .param("event", event).query(Long.class).single();
    }

    @AfterEach
    void removeGeneratedCustomers() {
        if (generated != null) {
            generated.remove(FIRST, CUSTOMERS, run);
        }
    }
}
