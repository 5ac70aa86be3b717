package com.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.tiering.TierChange;
import com.tierdesk.tiering.TierChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queues read each open ticket's stored place (ticket_queue): through a ticket's whole life, and as time makes
 * tickets at risk and breached before and after the watcher writes them again, every queue lists the tickets, in the
 * order and with the risk, that working it all out from the tickets and their targets gives, and counts as many. The
 * tickets live after every other ticket of the database (years ahead of the other tests', and after those of an
 * earlier run), so that no row is newer than the clock.
 */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({SettableTime.class, TicketFixture.class})
class TicketQueueTests {

    /** The queue as worked out from the tickets and their running targets at every read. */
    private static final String RECOUNT_RISK = """
            (SELECT COALESCE(MAX(CASE WHEN r.status = 'BREACHED' OR (NOT r.paused AND r.due_at <= :now) THEN 2
                                      WHEN r.at_risk_at <= :now THEN 1 ELSE 0 END), 0)
               FROM ticket_sla_target r WHERE r.ticket_id = t.id AND r.running)""";
    private static final String RECOUNT_FROM = """
             FROM ticket_sla_target n JOIN ticket t ON t.id = n.ticket_id
            WHERE n.running AND t.status NOT IN ('SOLVED', 'CLOSED')
              AND NOT EXISTS (SELECT 1 FROM ticket_sla_target e
                               WHERE e.ticket_id = n.ticket_id AND e.running
                                 AND (e.due_at < n.due_at OR (e.due_at = n.due_at AND e.target < n.target)))""";

    @Autowired
    Tickets tickets;

    @Autowired
    SlaWatcher watcher;

    @Autowired
    WatchRepository watches;

    @Autowired
    TicketFixture fixture;

    @Autowired
    SettableTime.SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyQueueEqualsARecountThroughTicketsLivesAndAsTimePasses() {
        Instant start = start();
        clock.set(start);
        String agent = "queue-" + UUID.randomUUID();
        String other = "queue-" + UUID.randomUUID();
        Customer vip = fixture.aCustomerIn("VIP");
        Customer regular = fixture.aCustomerIn("REGULAR");
        var mine = new ArrayList<TicketId>();
        mine.add(open(vip, TicketType.COMPLAINT, IntakeChannel.PHONE, agent));
        mine.add(open(vip, TicketType.INQUIRY, IntakeChannel.EMAIL, agent));
        mine.add(open(regular, TicketType.INQUIRY, IntakeChannel.EMAIL, agent));
        mine.add(open(regular, TicketType.TECHNICAL_ISSUE, IntakeChannel.WEB_FORM, agent));
        mine.add(open(regular, TicketType.RETURN_EXCHANGE, IntakeChannel.CHAT, agent));
        TicketId nobodys = open(vip, TicketType.URGENT_REQUEST, IntakeChannel.API, null);
        assertQueuesMatchTheRecount(agent, "created");

        clock.set(start.plus(Duration.ofMinutes(10)));
        reply(mine.get(0), agent);
        tickets.changeStatus(mine.get(1), version(mine.get(1)), TicketStatus.PENDING_CUSTOMER, agent);
        assertQueuesMatchTheRecount(agent, "replied, pending on the customer");

        clock.set(start.plus(Duration.ofMinutes(20)));
        tickets.changeStatus(mine.get(2), version(mine.get(2)), TicketStatus.SOLVED, agent);
        tickets.reassign(mine.get(3), version(mine.get(3)), other, "supervisor");
        tickets.reassign(nobodys, version(nobodys), agent, "supervisor");
        assertQueuesMatchTheRecount(agent, "solved, reassigned both ways");
        assertThat(ids(QueueSearch.of(agent, PageSpec.first(50)))).doesNotContain(mine.get(2), mine.get(3))
                .contains(nobodys);

        clock.set(start.plus(Duration.ofMinutes(30)));
        tickets.changeStatus(mine.get(2), version(mine.get(2)), TicketStatus.REOPENED, agent);
        tickets.applyTierChanges(List.of(new TierChanged(regular.id(), "REGULAR", "VIP",
                start.plus(Duration.ofMinutes(30)), TierChange.Source.OVERRIDE, null, 1L, null)));
        assertQueuesMatchTheRecount(agent, "reopened, tier changed");
        assertThat(search(agent, "VIP", null)).as("the regular customer's tickets moved with the tier")
                .contains(mine.get(2), mine.get(4));

        for (Duration later : List.of(Duration.ofMinutes(50), Duration.ofHours(3), Duration.ofDays(2))) {
            clock.set(start.plus(Duration.ofMinutes(30)).plus(later));
            assertQueuesMatchTheRecount(agent, later + " later, before the watcher looked");
            fireDueWakes(mine);
            fireDueWakes(List.of(nobodys));
            assertQueuesMatchTheRecount(agent, later + " later, after the watcher looked");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket_queue WHERE ticket_id IN (:ids) AND risk_changes_at <= :now")
                    .param("ids", mine.stream().map(TicketId::value).toList())
                    .param("now", JdbcTimestamps.toColumn(clock.instant())).query(Long.class).single())
                    .as("the watcher wrote each row it woke for with its risk now").isZero();
        }
        assertThat(jdbc.sql("SELECT risk FROM ticket_queue WHERE ticket_id IN (:ids)")
                .param("ids", mine.stream().map(TicketId::value).toList()).query(Integer.class).list())
                .as("two days on, every ticket still open is breached, as the watcher wrote it")
                .isNotEmpty().containsOnly(SlaRisk.BREACHED.ordinal());
    }

    @Test
    void aQueueCountsUpToItsLimitAndSaysThereAreMore() {
        String tier = "CAP" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Object due = JdbcTimestamps.toColumn(Instant.parse("2099-01-01T00:00:00Z"));
        try {
            for (int i = 0; i <= QueueCount.LIMIT; i++) {
                jdbc.sql("""
                        INSERT INTO ticket (customer_id, customer_code, channel, subject, type, priority, status, tier,
                                            policy_version, created_at, updated_at, version)
                        VALUES (0, 'CAP', 'API', 'cap', 'INQUIRY', 'NORMAL', 'OPEN', :tier, 1, :at, :at, 0)
                        """).param("tier", tier).param("at", due).update();
            }
            jdbc.sql("""
                    INSERT INTO ticket_queue (ticket_id, tier, type, status, channel, next_target, next_due_at,
                                              next_paused, at_risk_at, breach_at, risk, risk_changes_at)
                    SELECT id, tier, type, status, channel, 'RESOLUTION', :due, FALSE, :due, :due, 0, :due
                      FROM ticket WHERE tier = :tier
                    """).param("tier", tier).param("due", due).update();

            QueuePage page = tickets.queue(new QueueSearch(null, false, tier, null, null, null, null,
                    PageSpec.first(20)));
            assertThat(page.total()).isEqualTo(new QueueCount(QueueCount.LIMIT, true));
            assertThat(page.items()).hasSize(20);
            assertThat(page.hasNext()).isTrue();
            assertThat(tickets.queue(new QueueSearch(null, false, tier, null, null, null, null,
                    new PageSpec(49, 20))).hasNext()).as("the page that reaches past the counted ones").isTrue();
            assertThat(tickets.riskByTier(List.of(tier))).as("nothing of the tier is at risk yet").isEmpty();
        } finally {
            jdbc.sql("DELETE FROM ticket_queue WHERE tier = :tier").param("tier", tier).update();
            jdbc.sql("DELETE FROM ticket WHERE tier = :tier").param("tier", tier).update();
        }
    }

    /** A Tuesday 10:00 in Shanghai after every ticket's last change, 2041-03-05 at the earliest. */
    private Instant start() {
        Instant last = jdbc.sql("SELECT updated_at FROM ticket_sla_target ORDER BY updated_at DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, row) -> JdbcTimestamps.read(rs, "updated_at")).optional().orElse(null);
        Instant earliest = Instant.parse("2041-03-05T02:00:00Z");
        return last == null || last.isBefore(earliest) ? earliest
                : earliest.plus(Duration.ofDays(7 * (Duration.between(earliest, last).toDays() / 7 + 1)));
    }

    private void assertQueuesMatchTheRecount(String agent, String when) {
        var searches = new ArrayList<QueueSearch>();
        searches.add(new QueueSearch(null, false, null, null, null, null, null, PageSpec.first(30)));
        searches.add(new QueueSearch(null, true, null, null, null, null, null, PageSpec.first(30)));
        searches.add(new QueueSearch(agent, false, null, null, null, null, null, PageSpec.first(30)));
        searches.add(new QueueSearch(agent, false, "VIP", null, null, null, null, PageSpec.first(30)));
        searches.add(new QueueSearch(agent, false, null, TicketType.INQUIRY, null, IntakeChannel.EMAIL, null,
                PageSpec.first(30)));
        searches.add(new QueueSearch(agent, false, null, null, TicketStatus.OPEN, null, null, PageSpec.first(30)));
        for (SlaRisk risk : SlaRisk.values()) {
            searches.add(new QueueSearch(agent, false, null, null, null, null, risk, PageSpec.first(30)));
            searches.add(new QueueSearch(null, false, null, null, null, null, risk, PageSpec.first(30)));
            searches.add(new QueueSearch(null, false, "VIP", null, null, null, risk, PageSpec.first(30)));
        }
        for (QueueSearch search : searches) {
            QueuePage page = tickets.queue(search);
            Recount recount = recount(search);
            assertThat(page.items()).as("%s: %s", when, search)
                    .extracting(entry -> entry.ticket().id().value() + " " + entry.nextTarget() + " " + entry.risk())
                    .containsExactlyElementsOf(recount.page());
            assertThat(page.total()).as("%s: the count of %s", when, search).isEqualTo(QueueCount.of(recount.count()));
        }
        List<RiskCount> board = tickets.riskByTier(List.of("VIP", "KEY", "REGULAR", "WATCH"));
        for (String tier : List.of("VIP", "REGULAR")) {
            QueueCount atRisk = QueueCount.of(recount(new QueueSearch(null, false, tier, null, null, null,
                    SlaRisk.AT_RISK, PageSpec.first(1))).count());
            QueueCount breached = QueueCount.of(recount(new QueueSearch(null, false, tier, null, null, null,
                    SlaRisk.BREACHED, PageSpec.first(1))).count());
            assertThat(board).as("%s: the board's %s", when, tier).filteredOn(count -> count.tier().equals(tier))
                    .containsExactlyElementsOf(atRisk.count() + breached.count() == 0 ? List.of()
                            : List.of(new RiskCount(tier, atRisk, breached)));
        }
    }

    private record Recount(List<String> page, long count) {
    }

    private Recount recount(QueueSearch search) {
        var where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("now", JdbcTimestamps.toColumn(clock.instant()));
        if (search.assignee() != null) {
            where.append(" AND t.assignee = :assignee");
            params.put("assignee", search.assignee());
        }
        if (search.unassigned()) {
            where.append(" AND t.assignee IS NULL");
        }
        if (search.tier() != null) {
            where.append(" AND t.tier = :tier");
            params.put("tier", search.tier());
        }
        if (search.type() != null) {
            where.append(" AND t.type = :type");
            params.put("type", search.type().name());
        }
        if (search.status() != null) {
            where.append(" AND t.status = :status");
            params.put("status", search.status().name());
        }
        if (search.channel() != null) {
            where.append(" AND t.channel = :channel");
            params.put("channel", search.channel().name());
        }
        if (search.risk() != null) {
            where.append(" AND ").append(RECOUNT_RISK).append(" = :risk");
            params.put("risk", search.risk().ordinal());
        }
        List<String> page = jdbc.sql("SELECT t.id, n.target, " + RECOUNT_RISK + " AS risk" + RECOUNT_FROM + where
                        + " ORDER BY n.due_at, t.id FETCH FIRST " + search.page().size() + " ROWS ONLY")
                .params(params)
                .query((rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " " + SlaRisk.values()[rs.getInt(3)])
                .list();
        long count = jdbc.sql("SELECT COUNT(*)" + RECOUNT_FROM + where).params(params).query(Long.class).single();
        return new Recount(page, count);
    }

    private void fireDueWakes(List<TicketId> ids) {
        for (TicketId id : ids) {
            for (int fired = 0; fired < 20; fired++) {
                Instant wake = watches.wake(id).filter(at -> !at.isAfter(clock.instant())).orElse(null);
                if (wake == null) {
                    break;
                }
                watcher.fire(id, wake);
            }
        }
    }

    private List<TicketId> ids(QueueSearch search) {
        return tickets.queue(search).items().stream().map(entry -> entry.ticket().id()).toList();
    }

    private List<TicketId> search(String agent, String tier, SlaRisk risk) {
        return ids(new QueueSearch(agent, false, tier, null, null, null, risk, PageSpec.first(50)));
    }

    private TicketId open(Customer customer, TicketType type, IntakeChannel channel, String assignee) {
        return tickets.create(new TicketDraft(channel, customer.code(), new Requester("王芳", null, null), "排队测试",
                type, Priority.NORMAL, "请尽快处理", List.of(), List.of(), assignee), null, "agent.li")
                .ticket().ticket().id();
    }

    private void reply(TicketId id, String agent) {
        tickets.addMessage(id, version(id), new MessageDraft(MessageKind.PUBLIC_REPLY, "正在处理"), agent);
    }

    private long version(TicketId id) {
        return tickets.get(id).ticket().version();
    }
}
