package com.tierdesk.ticket;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The one writer of the ticket tables: tickets with their tags and attachments, messages, timeline, SLA history. */
@Repository
class TicketRepository {

    private static final String COLUMNS = "id, customer_id, customer_code, channel, requester_name, requester_email, "
            + "requester_phone, requester_language, subject, type, priority, status, assignee, tier, policy_version, follow_up_of, "
            + "created_at, updated_at, solved_at, version, agents_online_at_intake";
    private static final int KEYS_PER_STATEMENT = 1_000;
    /**
     * A ticket's risk now, as the ordinal of {@link SlaRisk}: breached when one of its running targets is (or its due
     * instant passed while its clock runs), at risk when one reached its at-risk instant.
     */
    private static final String RISK = """
            (SELECT COALESCE(MAX(CASE WHEN r.status = 'BREACHED' OR (NOT r.paused AND r.due_at <= :now) THEN 2
                                      WHEN r.at_risk_at <= :now THEN 1 ELSE 0 END), 0)
               FROM ticket_sla_target r WHERE r.ticket_id = t.id AND r.running)""";

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final JsonMapper json;

    TicketRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** Stores a new ticket (its id and version are the store's) with its tags and attachments; returns its id. */
    TicketId insert(Ticket ticket) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket (customer_id, customer_code, channel, requester_name, requester_email,
                                    requester_phone, requester_language, subject, type, priority, status, assignee,
                                    tier, policy_version, follow_up_of, created_at, updated_at, version,
                                    agents_online_at_intake)
                VALUES (:customer, :code, :channel, :name, :email, :phone, :language, :subject, :type, :priority,
                        :status, :assignee, :tier, :policy, :followUpOf, :at, :at, 0, :agentsOnline)
                """)
                .param("customer", ticket.customerId().value()).param("code", ticket.customerCode())
                .param("channel", ticket.channel().name()).param("name", ticket.requester().name())
                .param("email", ticket.requester().email()).param("phone", ticket.requester().phone())
                .param("language", ticket.requester().language())
                .param("subject", ticket.subject()).param("type", ticket.type().name())
                .param("priority", ticket.priority().name()).param("status", ticket.status().name())
                .param("assignee", ticket.assignee()).param("tier", ticket.tier())
                .param("policy", ticket.policyVersion())
                .param("followUpOf", ticket.followUpOf() == null ? null : ticket.followUpOf().value())
                .param("at", JdbcTimestamps.toColumn(ticket.createdAt()))
                .param("agentsOnline", ticket.agentsOnlineAtIntake())
                .update(keys, "id");
        TicketId id = TicketId.of(keys.getKey().longValue());
        writeTags(id, ticket.tags());
        MapSqlParameterSource[] rows = new MapSqlParameterSource[ticket.attachments().size()];
        for (int i = 0; i < rows.length; i++) {
            Attachment attachment = ticket.attachments().get(i);
            rows[i] = new MapSqlParameterSource().addValue("ticket", id.value()).addValue("position", i)
                    .addValue("name", attachment.name()).addValue("size", attachment.size())
                    .addValue("type", attachment.contentType()).addValue("reference", attachment.reference());
        }
        batches.batchUpdate("""
                INSERT INTO ticket_attachment (ticket_id, position, name, size_bytes, content_type, reference)
                VALUES (:ticket, :position, :name, :size, :type, :reference)
                """, rows);
        return id;
    }

    /**
     * Writes a changed ticket over the version it was read at, counting one more version; false when another
     * change came first (the caller holds the row's lock, so this only guards against a caller that does not).
     */
    boolean update(Ticket ticket) {
        int updated = jdbc.sql("""
                UPDATE ticket SET type = :type, priority = :priority, status = :status, assignee = :assignee,
                                  tier = :tier, updated_at = :updatedAt, solved_at = :solvedAt,
                                  version = version + 1
                 WHERE id = :id AND version = :version
                """)
                .param("type", ticket.type().name()).param("priority", ticket.priority().name())
                .param("status", ticket.status().name()).param("assignee", ticket.assignee())
                .param("tier", ticket.tier()).param("updatedAt", JdbcTimestamps.toColumn(ticket.updatedAt()))
                .param("solvedAt", JdbcTimestamps.toColumn(ticket.solvedAt()))
                .param("id", ticket.id().value()).param("version", ticket.version())
                .update();
        if (updated == 1) {
            jdbc.sql("DELETE FROM ticket_tag WHERE ticket_id = :id").param("id", ticket.id().value()).update();
            writeTags(ticket.id(), ticket.tags());
        }
        return updated == 1;
    }

    Optional<Ticket> find(TicketId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = :id").param("id", id.value())
                .query(this::ticket).optional().map(this::complete);
    }

    /** The ticket, its row locked until the transaction ends, so that its changes come one after the other. */
    Optional<Ticket> lock(TicketId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(this::ticket).optional().map(this::complete);
    }

    /** The ids of the customer's tickets that are not closed, their rows locked. */
    List<TicketId> lockNotClosedOf(CustomerId customer) {
        return jdbc.sql("SELECT id FROM ticket WHERE customer_id = :customer AND status <> 'CLOSED' ORDER BY id FOR UPDATE")
                .param("customer", customer.value()).query((rs, row) -> TicketId.of(rs.getLong(1))).list();
    }

    /** The ids of up to {@code limit} of the person's tickets that are neither solved nor closed, their rows locked. */
    List<TicketId> lockOpenOf(String assignee, int limit) {
        return jdbc.sql("""
                SELECT id FROM ticket WHERE assignee = :assignee AND status NOT IN ('SOLVED', 'CLOSED')
                 ORDER BY id FETCH FIRST :limit ROWS ONLY FOR UPDATE
                """).param("assignee", assignee).param("limit", limit)
                .query((rs, row) -> TicketId.of(rs.getLong(1))).list();
    }

    /** Of these customers, the ones with a ticket that is not closed. */
    Set<CustomerId> customersWithTicketsNotClosed(Set<CustomerId> customers) {
        List<Long> ids = customers.stream().map(CustomerId::value).toList();
        var found = new HashSet<CustomerId>();
        for (int from = 0; from < ids.size(); from += KEYS_PER_STATEMENT) {
            jdbc.sql("SELECT DISTINCT customer_id FROM ticket WHERE status <> 'CLOSED' AND customer_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + KEYS_PER_STATEMENT)))
                    .query((rs, row) -> CustomerId.of(rs.getLong(1))).list().forEach(found::add);
        }
        return found;
    }

    Paged<Ticket> search(TicketSearch search) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var params = new HashMap<String, Object>();
        filter(where, params, "t.status", "status", search.status() == null ? null : search.status().name());
        filter(where, params, "t.customer_code", "customer", search.customer());
        filter(where, params, "t.assignee", "assignee", search.assignee());
        filter(where, params, "t.tier", "tier", search.tier());
        filter(where, params, "t.type", "type", search.type() == null ? null : search.type().name());
        filter(where, params, "t.priority", "priority", search.priority() == null ? null : search.priority().name());
        PageSpec page = search.page();
        long total = jdbc.sql("SELECT COUNT(*) FROM ticket t" + where).params(params).query(Long.class).single();
        List<Ticket> tickets = jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1t.") + """
                  FROM ticket t
                  LEFT JOIN (SELECT ticket_id, MIN(due_at) AS next_due FROM ticket_sla_target
                              WHERE running GROUP BY ticket_id) d ON d.ticket_id = t.id
                """ + where + " ORDER BY d.next_due NULLS LAST, t.id OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
                .params(params).param("offset", page.offset()).param("size", page.size())
                .query(this::ticket).list();
        return Paged.of(withTagsAndAttachments(tickets), page, total);
    }

    /**
     * Open tickets by the filters, the one whose running target is due first first (so the breached ones lead),
     * each with that target and its risk now. The walk starts from the running targets by due instant (the
     * {@code (running, due_at)} index) and keeps each ticket's first one; an open ticket always has a running
     * resolution clock.
     */
    Paged<QueueEntry> queue(QueueSearch search, Instant now) {
        var where = new StringBuilder(" ").append("""
                 WHERE n.running AND t.status NOT IN ('SOLVED', 'CLOSED')
                   AND NOT EXISTS (SELECT 1 FROM ticket_sla_target e
                                    WHERE e.ticket_id = n.ticket_id AND e.running
                                      AND (e.due_at < n.due_at OR (e.due_at = n.due_at AND e.target < n.target)))""");
        var params = new HashMap<String, Object>();
        params.put("now", JdbcTimestamps.toColumn(now));
        filter(where, params, "t.assignee", "assignee", search.assignee());
        if (search.unassigned()) {
            where.append(" AND t.assignee IS NULL");
        }
        filter(where, params, "t.tier", "tier", search.tier());
        filter(where, params, "t.type", "type", search.type() == null ? null : search.type().name());
        filter(where, params, "t.status", "status", search.status() == null ? null : search.status().name());
        filter(where, params, "t.channel", "channel", search.channel() == null ? null : search.channel().name());
        if (search.risk() != null) {
            where.append(" AND ").append(RISK).append(" = :risk");
            params.put("risk", search.risk().ordinal());
        }
        PageSpec page = search.page();
        String from = " FROM ticket_sla_target n JOIN ticket t ON t.id = n.ticket_id";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        List<QueueEntry> entries = jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1t.")
                        + ", n.target AS next_target, n.due_at AS next_due, n.paused AS next_paused, " + RISK
                        + " AS risk" + from + where
                        + " ORDER BY n.due_at, t.id OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
                .params(params).param("offset", page.offset()).param("size", page.size())
                .query((rs, row) -> new QueueEntry(ticket(rs, row), SlaTarget.valueOf(rs.getString("next_target")),
                        JdbcTimestamps.read(rs, "next_due"), rs.getBoolean("next_paused"),
                        SlaRisk.values()[rs.getInt("risk")]))
                .list();
        return Paged.of(entries, page, total);
    }

    /** For each tier, how many open tickets are at risk now and how many breached; tiers with neither left out. */
    List<RiskCount> riskByTier(Instant now) {
        return jdbc.sql("""
                SELECT tier, SUM(CASE WHEN risk = 1 THEN 1 ELSE 0 END) AS at_risk,
                       SUM(CASE WHEN risk = 2 THEN 1 ELSE 0 END) AS breached
                  FROM (SELECT t.tier, """ + RISK + " " + """
                         AS risk FROM ticket t WHERE t.status NOT IN ('SOLVED', 'CLOSED')) r
                 WHERE risk > 0 GROUP BY tier ORDER BY tier""")
                .param("now", JdbcTimestamps.toColumn(now))
                .query((rs, row) -> new RiskCount(rs.getString("tier"), rs.getLong("at_risk"), rs.getLong("breached")))
                .list();
    }

    List<TicketMessage> messages(TicketId id) {
        return jdbc.sql("SELECT id, kind, author, body, at FROM ticket_message WHERE ticket_id = :id ORDER BY id")
                .param("id", id.value())
                .query((rs, row) -> new TicketMessage(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")),
                        rs.getString("author"), rs.getString("body"), JdbcTimestamps.read(rs, "at")))
                .list();
    }

    TicketMessage addMessage(TicketId id, MessageKind kind, String author, String body, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ticket_message (ticket_id, kind, author, body, at) VALUES (:id, :kind, :author, :body, :at)")
                .param("id", id.value()).param("kind", kind.name()).param("author", author).param("body", body)
                .param("at", JdbcTimestamps.toColumn(at)).update(keys, "id");
        return new TicketMessage(keys.getKey().longValue(), kind, author, body, at);
    }

    List<TimelineEntry> timeline(TicketId id) {
        return jdbc.sql("SELECT at, actor, code, arguments FROM ticket_timeline WHERE ticket_id = :id ORDER BY id")
                .param("id", id.value())
                .query((rs, row) -> new TimelineEntry(JdbcTimestamps.read(rs, "at"), rs.getString("actor"),
                        rs.getString("code"), json.readValue(rs.getString("arguments"), TEXTS)))
                .list();
    }

    void record(TicketId id, List<TimelineEntry> entries) {
        batches.batchUpdate("""
                INSERT INTO ticket_timeline (ticket_id, at, actor, code, arguments)
                VALUES (:ticket, :at, :actor, :code, :arguments)
                """, entries.stream().map(entry -> new MapSqlParameterSource().addValue("ticket", id.value())
                .addValue("at", JdbcTimestamps.toColumn(entry.at())).addValue("actor", entry.actor())
                .addValue("code", entry.code()).addValue("arguments", json.writeValueAsString(entry.arguments())))
                .toArray(MapSqlParameterSource[]::new));
    }

    /** The ticket's history as the SLA clock reads it, oldest first. */
    List<TicketEvent> clockHistory(TicketId id) {
        return jdbc.sql("SELECT at, kind, tier FROM ticket_sla_event WHERE ticket_id = :id ORDER BY position")
                .param("id", id.value())
                .query((rs, row) -> new TicketEvent(JdbcTimestamps.read(rs, "at"),
                        TicketEvent.Kind.valueOf(rs.getString("kind")), rs.getString("tier")))
                .list();
    }

    void appendClockEvents(TicketId id, int firstPosition, List<TicketEvent> events) {
        var rows = new ArrayList<MapSqlParameterSource>();
        for (int i = 0; i < events.size(); i++) {
            TicketEvent event = events.get(i);
            rows.add(new MapSqlParameterSource().addValue("ticket", id.value()).addValue("position", firstPosition + i)
                    .addValue("at", JdbcTimestamps.toColumn(event.at())).addValue("kind", event.kind().name())
                    .addValue("tier", event.tier()));
        }
        batches.batchUpdate("""
                INSERT INTO ticket_sla_event (ticket_id, position, at, kind, tier)
                VALUES (:ticket, :position, :at, :kind, :tier)
                """, rows.toArray(MapSqlParameterSource[]::new));
    }

    List<TargetOutcome> targets(TicketId id) {
        return jdbc.sql("""
                SELECT target, tier, due_at, achieved_at, paused_seconds, status, running, at_risk_at, paused
                  FROM ticket_sla_target WHERE ticket_id = :id ORDER BY due_at, target
                """).param("id", id.value())
                .query((rs, row) -> new TargetOutcome(SlaTarget.valueOf(rs.getString("target")),
                        rs.getString("tier"), JdbcTimestamps.read(rs, "due_at"), JdbcTimestamps.read(rs, "achieved_at"),
                        Duration.ofSeconds(rs.getLong("paused_seconds")),
                        ClockStatus.valueOf(rs.getString("status")), rs.getBoolean("running"),
                        JdbcTimestamps.read(rs, "at_risk_at"), rs.getBoolean("paused")))
                .list();
    }

    /** Replaces the ticket's target outcomes; the caller holds the ticket's lock, so no two writers race here. */
    void replaceTargets(TicketId id, List<TargetOutcome> outcomes, Instant at) {
        jdbc.sql("DELETE FROM ticket_sla_target WHERE ticket_id = :id").param("id", id.value()).update();
        insertTargets(id, outcomes, at);
    }

    /** Stores the target outcomes of a ticket that has none yet. */
    void insertTargets(TicketId id, List<TargetOutcome> outcomes, Instant at) {
        batches.batchUpdate("""
                INSERT INTO ticket_sla_target (ticket_id, target, tier, due_at, achieved_at, paused_seconds, status,
                                               running, at_risk_at, paused, updated_at)
                VALUES (:ticket, :target, :tier, :due, :achieved, :paused, :status, :running, :atRisk, :pausedNow, :at)
                """, outcomes.stream().map(outcome -> new MapSqlParameterSource().addValue("ticket", id.value())
                .addValue("target", outcome.target().name()).addValue("tier", outcome.tier())
                .addValue("due", JdbcTimestamps.toColumn(outcome.due()))
                .addValue("achieved", JdbcTimestamps.toColumn(outcome.achievedAt()))
                .addValue("paused", outcome.pausedTotal().toSeconds()).addValue("status", outcome.status().name())
                .addValue("running", outcome.running()).addValue("atRisk", JdbcTimestamps.toColumn(outcome.atRiskAt()))
                .addValue("pausedNow", outcome.paused()).addValue("at", JdbcTimestamps.toColumn(at)))
                .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Claims an idempotency key for a request with this hash, in the caller's transaction: true if the key is new.
     * A concurrent claim of the same key waits here until the first transaction ends, then finds the key taken.
     */
    boolean claimKey(String key, String requestHash, Instant at) {
        return jdbc.sql("""
                INSERT INTO ticket_intake_key (idempotency_key, request_sha256, created_at)
                VALUES (:key, :hash, :at) ON CONFLICT DO NOTHING
                """).param("key", key).param("hash", requestHash).param("at", JdbcTimestamps.toColumn(at))
                .update() == 1;
    }

    void bindKey(String key, TicketId ticket) {
        jdbc.sql("UPDATE ticket_intake_key SET ticket_id = :ticket WHERE idempotency_key = :key")
                .param("ticket", ticket.value()).param("key", key).update();
    }

    /** The request hash and ticket a claimed key was used for. */
    record ClaimedKey(String requestHash, TicketId ticket) {
    }

    ClaimedKey claimed(String key) {
        return jdbc.sql("SELECT request_sha256, ticket_id FROM ticket_intake_key WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, row) -> new ClaimedKey(rs.getString(1), TicketId.of(rs.getLong(2)))).single();
    }

    /** The ids of solved tickets solved at or before the cutoff, at most {@code limit}, their rows locked. */
    List<TicketId> lockSolvedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT id FROM ticket WHERE status = 'SOLVED' AND solved_at <= :cutoff
                 ORDER BY id FETCH FIRST :limit ROWS ONLY FOR UPDATE
                """).param("cutoff", JdbcTimestamps.toColumn(cutoff)).param("limit", limit)
                .query((rs, row) -> TicketId.of(rs.getLong(1))).list();
    }

    /** Closes the tickets, one set-based statement, and records it on each timeline. */
    void close(List<TicketId> ids, TimelineEntry entry) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> values = ids.stream().map(TicketId::value).toList();
        jdbc.sql("UPDATE ticket SET status = 'CLOSED', updated_at = :at, version = version + 1 WHERE id IN (:ids)")
                .param("at", JdbcTimestamps.toColumn(entry.at())).param("ids", values).update();
        jdbc.sql("""
                INSERT INTO ticket_timeline (ticket_id, at, actor, code, arguments)
                SELECT id, :at, :actor, :code, :arguments FROM ticket WHERE id IN (:ids)
                """).param("at", JdbcTimestamps.toColumn(entry.at())).param("actor", entry.actor())
                .param("code", entry.code()).param("arguments", json.writeValueAsString(entry.arguments()))
                .param("ids", values).update();
    }

    private void writeTags(TicketId id, List<String> tags) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[tags.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new MapSqlParameterSource().addValue("ticket", id.value()).addValue("position", i)
                    .addValue("tag", tags.get(i));
        }
        batches.batchUpdate("INSERT INTO ticket_tag (ticket_id, position, tag) VALUES (:ticket, :position, :tag)", rows);
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String column, String name,
            String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value.strip());
        }
    }

    private Ticket complete(Ticket ticket) {
        return withTagsAndAttachments(List.of(ticket)).get(0);
    }

    /** The tickets with their tags and attachments, read in two statements for the whole list. */
    private List<Ticket> withTagsAndAttachments(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return tickets;
        }
        List<Long> ids = tickets.stream().map(ticket -> ticket.id().value()).toList();
        var tags = new HashMap<Long, List<String>>();
        jdbc.sql("SELECT ticket_id, tag FROM ticket_tag WHERE ticket_id IN (:ids) ORDER BY ticket_id, position")
                .param("ids", ids).query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        var attachments = new HashMap<Long, List<Attachment>>();
        jdbc.sql("""
                SELECT ticket_id, name, size_bytes, content_type, reference FROM ticket_attachment
                 WHERE ticket_id IN (:ids) ORDER BY ticket_id, position
                """).param("ids", ids).query(rs -> {
                    attachments.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new Attachment(
                            rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                });
        return tickets.stream().map(t -> new Ticket(t.id(), t.customerId(), t.customerCode(), t.channel(),
                t.requester(), t.subject(), t.type(), t.priority(), t.status(),
                tags.getOrDefault(t.id().value(), List.of()), attachments.getOrDefault(t.id().value(), List.of()),
                t.assignee(), t.tier(), t.policyVersion(), t.followUpOf(), t.createdAt(), t.updatedAt(),
                t.solvedAt(), t.version(), t.agentsOnlineAtIntake())).toList();
    }

    private Ticket ticket(ResultSet rs, int row) throws SQLException {
        long followUpOf = rs.getLong("follow_up_of");
        TicketId followed = rs.wasNull() ? null : TicketId.of(followUpOf);
        return new Ticket(TicketId.of(rs.getLong("id")), CustomerId.of(rs.getLong("customer_id")),
                rs.getString("customer_code"), IntakeChannel.valueOf(rs.getString("channel")),
                new Requester(rs.getString("requester_name"), rs.getString("requester_email"),
                        rs.getString("requester_phone"), rs.getString("requester_language")),
                rs.getString("subject"), TicketType.valueOf(rs.getString("type")),
                Priority.valueOf(rs.getString("priority")), TicketStatus.valueOf(rs.getString("status")), List.of(),
                List.of(), rs.getString("assignee"), rs.getString("tier"), rs.getInt("policy_version"), followed,
                JdbcTimestamps.read(rs, "created_at"), JdbcTimestamps.read(rs, "updated_at"),
                JdbcTimestamps.read(rs, "solved_at"), rs.getLong("version"), rs.getBoolean("agents_online_at_intake"));
    }

    /** Tag to the number of tickets created at {@code since} or later that carry it, the most frequent first. */
    Map<String, Long> tagCounts(Instant since) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("""
                SELECT tt.tag, COUNT(DISTINCT tt.ticket_id) AS tickets FROM ticket_tag tt
                  JOIN ticket t ON t.id = tt.ticket_id
                 WHERE t.created_at >= :since
                 GROUP BY tt.tag ORDER BY tickets DESC, tt.tag
                """).param("since", JdbcTimestamps.toColumn(since)).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
