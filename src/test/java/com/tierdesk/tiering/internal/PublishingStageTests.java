package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.tiering.ScoringModels;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two runs unpacked for publishing at the same time (an approval while another run is being published) do not wait
 * for each other: on H2, creating and dropping the temporary table in every transaction locked the schema until the
 * transaction ended, and the second one timed out; on PostgreSQL, refreshing the current tiers' statistics in the
 * transaction held their lock to its end.
 */
@SpringBootTest
class PublishingStageTests {

    static final long FIRST = 720_000_000L;

    @Autowired
    DataSource dataSource;

    @Autowired
    BusinessTime time;

    @Autowired
    ScoringModels models;

    @Autowired
    RunStore runs;

    @Autowired
    RunPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    GeneratedRuns generated;
    long one;
    long other;

    @Test
    void twoRunsAreUnpackedAtOnceWithoutWaitingForEachOther() throws Exception {
        generated = new GeneratedRuns(dataSource, time);
        one = generated.approvedRun(models.active(), FIRST, 50);
        other = generated.approvedRun(models.active(), FIRST + 50, 50);
        CountDownLatch unpacked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(status -> {
            publisher.requirePublishable(runs.find(one).orElseThrow());
            unpacked.countDown();
            if (!await(done)) {
                throw new AssertionError("the other run waited for this transaction to end");
            }
            return staged();
        }));
        assertThat(unpacked.await(30, TimeUnit.SECONDS)).isTrue();

        Long second = new TransactionTemplate(transactions).execute(status -> {
            publisher.requirePublishable(runs.find(other).orElseThrow());
            return staged();
        });
        done.countDown();

        assertThat(second).isEqualTo(50);
        assertThat(first.get(30, TimeUnit.SECONDS)).as("each transaction sees its own run only").isEqualTo(50);
    }

    private long staged() {
        return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + PublishingStage.TABLE).query(Long.class).single();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterEach
    void removeRuns() {
        generated.remove(FIRST, 100, one);
        generated.remove(FIRST, 100, other);
    }
}
