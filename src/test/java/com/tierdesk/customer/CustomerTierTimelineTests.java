package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.TierTimelineEntry.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerTierTimelineTests {

    static final Instant PUBLISHED = Instant.parse("2026-11-24T02:00:00.123456Z");

    @Autowired
    CustomerTierTimeline timeline;

    @Autowired
    Customers customers;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsEachChangeOnceAndSkipsCustomersThatNoLongerExist() {
        Customer customer = customers.create(aCustomer().build());
        List<TierTimelineEntry> changes = List.of(
                new TierTimelineEntry(customer.id(), PUBLISHED, "KEY", null, Cause.ASSESSMENT, 41, null),
                new TierTimelineEntry(customer.id(), PUBLISHED.plusSeconds(60), "VIP", "KEY", Cause.OVERRIDE, 7, "战略客户"),
                new TierTimelineEntry(CustomerId.of(Long.MAX_VALUE), PUBLISHED, "VIP", null, Cause.ASSESSMENT, 41, null));

        assertThat(timeline.record(changes)).isEqualTo(2);
        assertThat(timeline.record(changes)).as("the same changes delivered again").isZero();

        assertThat(timeline.of(customer.id())).containsExactly(changes.get(1), changes.get(0));
    }

    @Test
    void twoChangesOfOneCustomerRecordedAtOnceAreBothKeptAndTheLatestIsTheCurrentTier() throws Exception {
        Customer customer = customers.create(aCustomer().build());
        TierTimelineEntry override = new TierTimelineEntry(customer.id(), PUBLISHED.plusSeconds(60), "VIP", "KEY",
                Cause.OVERRIDE, 7, "战略客户");
        TierTimelineEntry assessment = new TierTimelineEntry(customer.id(), PUBLISHED, "KEY", null, Cause.ASSESSMENT, 41, null);
        CompletableFuture<Integer> second = new CompletableFuture<>();

        // the override's listener has written and not committed yet when the run's listener records the older change
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            timeline.record(List.of(override));
            CompletableFuture.runAsync(() -> {
                try {
                    second.complete(timeline.record(List.of(assessment)));
                } catch (RuntimeException e) {
                    second.completeExceptionally(e);
                }
            });
            assertThat(second).as("waits for the first writer of the customer").failsWithin(Duration.ofMillis(500))
                    .withThrowableThat().isInstanceOf(TimeoutException.class);
        });

        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(timeline.of(customer.id())).containsExactly(override, assessment);
        assertThat(jdbc.sql("SELECT tier FROM customer_current_tier WHERE customer_id = :id").param("id", customer.id().value())
                .query(String.class).single()).as("the latest change, whichever was recorded last").isEqualTo("VIP");
    }

    @Test
    void theCustomerApiShowsTheTimelineNewestFirst() throws Exception {
        Customer customer = customers.create(aCustomer().build());
        timeline.record(List.of(new TierTimelineEntry(customer.id(), PUBLISHED, "KEY", null, Cause.ASSESSMENT, 41, "复核无误"),
                new TierTimelineEntry(customer.id(), PUBLISHED.plusSeconds(60), null, "KEY", Cause.OVERRIDE_ENDED, 7, null)));

        mvc.perform(get("/api/v1/customers/{code}/timeline", customer.code()).with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].cause").value("OVERRIDE_ENDED"))
                .andExpect(jsonPath("$[0].tier").doesNotExist())
                .andExpect(jsonPath("$[0].previousTier").value("KEY"))
                .andExpect(jsonPath("$[1].cause").value("ASSESSMENT"))
                .andExpect(jsonPath("$[1].causeId").value(41))
                .andExpect(jsonPath("$[1].note").value("复核无误"))
                .andExpect(jsonPath("$[1].changedAt").value("2026-11-24T02:00:00.123456Z"));
        mvc.perform(get("/api/v1/customers/{code}/timeline", "NO-SUCH").with(user("agent").roles("AGENT")))
                .andExpect(status().isNotFound());
    }
}
