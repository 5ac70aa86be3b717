package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.tierdesk.PostgresOnly;
import com.tierdesk.customer.Customer;
import com.tierdesk.notification.Notification;
import com.tierdesk.notification.Notifications;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Two watchers on one PostgreSQL: two db-scheduler instances run the wakes (half the tickets' wakes are also fired by
 * hand from more threads at once), and every at-risk, breach and escalation step of every ticket is recorded and
 * notified exactly once, within 60 s of the wake. The tickets live years ahead and the two schedulers on the test's
 * clock, so that no other running scheduler fires their wakes.
 */
@PostgresOnly
@SpringBootTest(properties = {"tierdesk.scheduler.execute=false", "tierdesk.tickets.watcher.enabled=true"})
@Import({SettableTime.class, TicketFixture.class})
class SlaWatcherClusterTests {

    private static final int TICKETS = 8;

    @Autowired
    Tickets tickets;

    @Autowired
    SlaWatcher watcher;

    @Autowired
    WatchRepository watches;

    @Autowired
    TicketFixture fixture;

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts accounts;

    @Autowired
    SettableTime.SettableClock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("slaWake")
    CustomTask<Void> wake;

    @Test
    void twoWatchersNeverTakeTheSameStepTwice() throws Exception {
        String agent = person("agent", Role.AGENT);
        String supervisor = person("supervisor", Role.SUPERVISOR);
        person("senior", Role.SENIOR_AGENT);
        Instant now = Instant.parse("2036-06-02T08:00:00Z");
        // VIP inquiries taken in 2.5 h ago: the first response (1 h) is breached and its reassignment (1 h later) due,
        // the resolution (4 h) not at risk yet
        clock.set(now.minus(Duration.ofMinutes(150)));
        Customer vip = fixture.aCustomerIn("VIP");
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            ids.add(tickets.create(new TicketDraft(IntakeChannel.API, vip.code(), inquiry(vip.code()).requester(),
                    "并发升级 " + i, inquiry(vip.code()).type(), inquiry(vip.code()).priority(), null, List.of(),
                    List.of(), agent), null, "agent.li").ticket().ticket().id());
        }
        clock.set(now);

        Scheduler first = watcherInstance("watcher-a");
        Scheduler second = watcherInstance("watcher-b");
        ExecutorService byHand = Executors.newFixedThreadPool(4);
        try {
            first.start();
            second.start();
            List<Future<?>> fired = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                fired.add(byHand.submit(() -> ids.subList(0, TICKETS / 2)
                        .forEach(id -> watches.wake(id).ifPresent(at -> watcher.fire(id, at)))));
            }
            for (Future<?> run : fired) {
                run.get();
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                    assertThat(watches.stepsTaken(id, SlaTarget.FIRST_RESPONSE, 0)).containsExactly(0, 1, 2)));
            Thread.sleep(2_000);
        } finally {
            byHand.shutdown();
            first.stop();
            second.stop();
        }

        for (TicketId id : ids) {
            List<TimelineEntry> timeline = tickets.get(id).timeline();
            assertThat(count(timeline, "ticket.timeline.sla-at-risk")).as("ticket %s", id.value()).isEqualTo(1);
            assertThat(count(timeline, "ticket.timeline.sla-breached")).as("ticket %s", id.value()).isEqualTo(1);
            assertThat(count(timeline, "ticket.timeline.escalation.notified")).as("ticket %s", id.value()).isEqualTo(2);
            assertThat(count(timeline, "ticket.timeline.escalation.reassigned")).as("ticket %s", id.value()).isEqualTo(1);
        }
        assertThat(templates(agent)).as("the assignee, told late: the target is breached already")
                .containsOnly("notification.sla.breached").hasSize(TICKETS);
        for (TicketId id : ids) {
            assertThat(notifications.inbox(supervisor)).as("the supervisor, of ticket %s", id.value())
                    .filteredOn(notification -> notification.link().equals("/tickets/" + id.value()))
                    .extracting(Notification::template).containsExactly("notification.sla.breached");
        }
        for (TicketId id : ids) {
            String seniorAgent = tickets.get(id).ticket().assignee();
            assertThat(notifications.inbox(seniorAgent)).as("the senior agent of ticket %s", id.value())
                    .filteredOn(notification -> notification.link().equals("/tickets/" + id.value()))
                    .extracting(Notification::template).containsExactly("notification.sla.reassigned");
        }
    }

    @Test
    void twoWatchersTakeAReopenedTicketsStepsOnceMoreAndNeverTwice() throws Exception {
        String agent = person("agent", Role.AGENT);
        String supervisor = person("supervisor", Role.SUPERVISOR);
        person("senior", Role.SENIOR_AGENT);
        person("senior", Role.SENIOR_AGENT);
        // VIP inquiries answered at once and left: the resolution (4 h) breached 2 h ago, every step of its first cycle
        // taken by hand; then solved and reopened with 5 h carried over, so that the new cycle is breached at once
        Instant opened = Instant.parse("2036-06-09T02:00:00Z");
        clock.set(opened);
        Customer vip = fixture.aCustomerIn("VIP");
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            TicketId id = tickets.create(new TicketDraft(IntakeChannel.API, vip.code(), inquiry(vip.code()).requester(),
                    "重开升级 " + i, inquiry(vip.code()).type(), inquiry(vip.code()).priority(), null, List.of(),
                    List.of(), agent), null, "agent.li").ticket().ticket().id();
            tickets.addMessage(id, 0, new MessageDraft(MessageKind.PUBLIC_REPLY, "正在处理"), agent);
            ids.add(id);
        }
        clock.set(opened.plus(Duration.ofHours(6)));
        for (TicketId id : ids) {
            watcher.fire(id, watches.wake(id).orElseThrow());
            assertThat(watches.stepsTaken(id, SlaTarget.RESOLUTION, 0)).containsExactly(0, 1, 2);
        }
        clock.set(opened.plus(Duration.ofMinutes(361)));
        for (TicketId id : ids) {
            tickets.changeStatus(id, tickets.get(id).ticket().version(), TicketStatus.SOLVED, agent);
        }
        Instant reopened = opened.plus(Duration.ofMinutes(362));
        clock.set(reopened);
        for (TicketId id : ids) {
            tickets.addMessage(id, tickets.get(id).ticket().version(),
                    new MessageDraft(MessageKind.CUSTOMER_MESSAGE, "问题又出现了"), "王芳");
        }
        clock.set(reopened.plus(Duration.ofMinutes(61)));

        Scheduler first = watcherInstance("watcher-c");
        Scheduler second = watcherInstance("watcher-d");
        ExecutorService byHand = Executors.newFixedThreadPool(4);
        try {
            first.start();
            second.start();
            List<Future<?>> fired = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                fired.add(byHand.submit(() -> ids.subList(0, TICKETS / 2)
                        .forEach(id -> watches.wake(id).ifPresent(at -> watcher.fire(id, at)))));
            }
            for (Future<?> run : fired) {
                run.get();
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                    assertThat(watches.stepsTaken(id, SlaTarget.RESOLUTION, 1)).containsExactly(0, 1, 2)));
            Thread.sleep(2_000);
        } finally {
            byHand.shutdown();
            first.stop();
            second.stop();
        }

        for (TicketId id : ids) {
            List<TimelineEntry> timeline = tickets.get(id).timeline();
            assertThat(count(timeline, "ticket.timeline.sla-at-risk")).as("ticket %s", id.value()).isEqualTo(2);
            assertThat(count(timeline, "ticket.timeline.sla-breached")).as("ticket %s", id.value()).isEqualTo(2);
            assertThat(count(timeline, "ticket.timeline.escalation.notified")).as("ticket %s", id.value()).isEqualTo(4);
            assertThat(count(timeline, "ticket.timeline.escalation.reassigned")).as("ticket %s", id.value()).isEqualTo(2);
            assertThat(notifications.inbox(supervisor)).as("the supervisor, of ticket %s", id.value())
                    .filteredOn(notification -> notification.link().equals("/tickets/" + id.value()))
                    .extracting(Notification::template)
                    .containsExactly("notification.sla.breached", "notification.sla.breached");
        }
    }

    private Scheduler watcherInstance(String name) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(wake))
                .schedulerName(new SchedulerName.Fixed(name))
                .clock(clock::instant)
                .pollingInterval(Duration.ofMillis(200))
                .threads(4)
                .build();
    }

    private static long count(List<TimelineEntry> timeline, String code) {
        return timeline.stream().filter(entry -> entry.code().equals(code)).count();
    }

    private List<String> templates(String account) {
        return notifications.inbox(account).stream().map(Notification::template).toList();
    }

    private String person(String kind, Role role) {
        String name = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, name, "a-long-password", role);
        return name;
    }
}
