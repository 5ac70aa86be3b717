package com.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Module events that are not done get done: a failed listener is tried again after a while and given up after the
 * last attempt, a publication whose instance died is taken for lost and tried again, completed publications are
 * deleted after their keeping time, and administrators see what is outstanding.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EventPublicationsTests.Probes.class)
class EventPublicationsTests {

    static final Duration LISTENER = Duration.ofSeconds(20);

    /** A listener that fails for the probes it is told to fail, and counts every delivery. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Probes {

        private final Set<String> failing = ConcurrentHashMap.newKeySet();
        private final ConcurrentHashMap<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

        void fail(Probe probe) {
            failing.add(probe.key());
        }

        void heal(Probe probe) {
            failing.remove(probe.key());
        }

        @ApplicationModuleListener(id = "test.probe")
        void on(Probe probe) {
            deliveries.computeIfAbsent(probe.key(), key -> new AtomicInteger()).incrementAndGet();
            if (failing.contains(probe.key())) {
                throw new IllegalStateException("probe " + probe.key() + " fails");
            }
        }

        int deliveries(Probe probe) {
            return deliveries.getOrDefault(probe.key(), new AtomicInteger()).get();
        }
    }

    record Probe(String key) {
    }

    @Autowired
    Probes probes;

    @Autowired
    EventPublicationUpkeep upkeep;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MockMvc mvc;

    @Test
    void aFailedListenerIsTriedAgainAfterAWhileAndAdministratorsSeeItMeanwhile() throws Exception {
        Probe probe = probe();
        probes.fail(probe);
        double failedBefore = gauge("FAILED");

        publish(probe);
        await().atMost(LISTENER).until(() -> "FAILED".equals(statusOf(probe)));

        assertThat(gauge("FAILED")).isEqualTo(failedBefore + 1);
        mvc.perform(get("/api/v1/event-publications").with(user("root").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.oldestFirst[*].event.key", hasItem(probe.key())))
                .andExpect(jsonPath("$.oldestFirst[?(@.event.key == '" + probe.key() + "')].status").value("FAILED"))
                .andExpect(jsonPath("$.oldestFirst[?(@.event.key == '" + probe.key() + "')].listener").value("test.probe"));
        mvc.perform(get("/api/v1/event-publications").with(user("wang").roles("SUPERVISOR"))).andExpect(status().isForbidden());

        probes.heal(probe);
        upkeep.tidy();
        assertThat(probes.deliveries(probe)).as("not before retry-after").isEqualTo(1);

        age(probe, Duration.ofMinutes(2));
        upkeep.tidy();

        await().atMost(LISTENER).until(() -> "COMPLETED".equals(statusOf(probe)));
        assertThat(probes.deliveries(probe)).isEqualTo(2);
    }

    @Test
    void aFailedListenerIsGivenUpAfterTheLastAttempt() {
        Probe probe = probe();
        probes.fail(probe);
        publish(probe);
        await().atMost(LISTENER).until(() -> "FAILED".equals(statusOf(probe)));
        jdbc.sql("UPDATE event_publication SET completion_attempts = 10 WHERE serialized_event LIKE :probe")
                .param("probe", like(probe)).update();
        age(probe, Duration.ofMinutes(2));

        EventPublicationUpkeep.Round round = upkeep.tidy();

        assertThat(round.abandoned()).isPositive();
        assertThat(statusOf(probe)).isEqualTo("FAILED");
        assertThat(probes.deliveries(probe)).isEqualTo(1);
    }

    @Test
    void aPublicationWhoseInstanceDiedIsTakenForLostAndTriedAgain() {
        Probe probe = probe();
        publish(probe);
        await().atMost(LISTENER).until(() -> "COMPLETED".equals(statusOf(probe)));
        jdbc.sql("UPDATE event_publication SET status = 'PROCESSING', completion_date = NULL WHERE serialized_event LIKE :probe")
                .param("probe", like(probe)).update();

        assertThat(upkeep.tidy().stale()).as("processing for less than stale-after").isZero();
        age(probe, Duration.ofMinutes(31));
        assertThat(upkeep.tidy().stale()).isPositive();

        await().atMost(LISTENER).until(() -> "COMPLETED".equals(statusOf(probe)));
        assertThat(probes.deliveries(probe)).isEqualTo(2);
    }

    @Test
    void completedPublicationsAreDeletedAfterTheirKeepingTime() {
        Probe old = probe();
        Probe recent = probe();
        publish(old);
        publish(recent);
        await().atMost(LISTENER).until(() -> "COMPLETED".equals(statusOf(old)) && "COMPLETED".equals(statusOf(recent)));
        jdbc.sql("UPDATE event_publication SET completion_date = completion_date - INTERVAL '8' DAY WHERE serialized_event LIKE :probe")
                .param("probe", like(old)).update();

        upkeep.tidy();

        assertThat(statusOf(old)).isNull();
        assertThat(statusOf(recent)).isEqualTo("COMPLETED");
    }

    private static Probe probe() {
        return new Probe(UUID.randomUUID().toString());
    }

    private void publish(Probe probe) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(probe));
    }

    private String statusOf(Probe probe) {
        return jdbc.sql("SELECT status FROM event_publication WHERE serialized_event LIKE :probe")
                .param("probe", like(probe)).query(String.class).optional().orElse(null);
    }

    /** Moves the publication (and its last try) back in time, as if that much time had passed. */
    private void age(Probe probe, Duration by) {
        jdbc.sql("""
                UPDATE event_publication SET publication_date = publication_date - CAST(:seconds AS INTEGER) * INTERVAL '1' SECOND,
                       last_resubmission_date = last_resubmission_date - CAST(:seconds AS INTEGER) * INTERVAL '1' SECOND
                 WHERE serialized_event LIKE :probe
                """).param("seconds", by.toSeconds()).param("probe", like(probe)).update();
    }

    private static String like(Probe probe) {
        return "%" + probe.key() + "%";
    }

    private double gauge(String status) {
        return meters.get("tierdesk.events.incomplete").tag("status", status).gauge().value();
    }
}
