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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    /** Rows a cursor reads at a time while a list is exported. */
    private static final int EXPORT_FETCH_SIZE = 500;

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
        filters(where, params, search);
        PageSpec page = search.page();
        long total = jdbc.sql("SELECT COUNT(*) FROM ticket t" + where).params(params).query(Long.class).single();
        List<Ticket> tickets = jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1t.") + """
                  FROM ticket t LEFT JOIN ticket_queue q ON q.ticket_id = t.id
                """ + where + " ORDER BY q.next_due_at NULLS LAST, t.id OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
                .params(params).param("offset", page.offset()).param("size", page.size())
                .query(this::ticket).list();
        return Paged.of(withTagsAndAttachments(tickets), page, total);
    }

    /** Every ticket the search matches, all pages, in the list's order, handed over as read; tags are left out. */
    void export(TicketSearch search, Consumer<Ticket> each) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var params = new HashMap<String, Object>();
        filters(where, params, search);
        jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1t.") + """
                  FROM ticket t LEFT JOIN ticket_queue q ON q.ticket_id = t.id
                """ + where + " ORDER BY q.next_due_at NULLS LAST, t.id")
                .params(params).withFetchSize(EXPORT_FETCH_SIZE)
                .query((RowCallbackHandler) rs -> each.accept(ticket(rs, 0)));
    }

    private static void filters(StringBuilder where, Map<String, Object> params, TicketSearch search) {
        filter(where, params, "t.status", "status", search.status() == null ? null : search.status().name());
        filter(where, params, "t.customer_code", "customer", search.customer());
        filter(where, params, "t.assignee", "assignee", search.assignee());
        filter(where, params, "t.tier", "tier", search.tier());
        filter(where, params, "t.type", "type", search.type() == null ? null : search.type().name());
        filter(where, params, "t.priority", "priority", search.priority() == null ? null : search.priority().name());
    }

    /**
     * Open tickets by the filters, the one whose running target is due first first, each with that target and its
     * risk now, and how many there are ({@link QueueCount}, up to its limit). Everything is read from the tickets'
     * queue positions ({@link #placeInQueue}); see {@link QueueQuery} for how.
     */
    QueuePage queue(QueueSearch search, Instant now) {
        QueueQuery query = QueueQuery.of(search, now);
        PageSpec page = search.page();
        String order = search.dueLast() ? "next_due_at DESC, ticket_id DESC" : "next_due_at, ticket_id";
        String positions = query.parts().stream()
                .map(part -> "SELECT * FROM (" + part.rows("q.ticket_id, q.next_due_at") + ") part")
                .collect(Collectors.joining(" UNION ALL "));
        List<QueueEntry> entries = jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1t.") + """
                        , q.next_target, q.next_due_at, q.next_paused, q.at_risk_at, q.breach_at
                          FROM (SELECT * FROM (""" + positions + """
                                ) positions ORDER BY """ + " " + order + """
                                 OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY) p
                          JOIN ticket_queue q ON q.ticket_id = p.ticket_id JOIN ticket t ON t.id = p.ticket_id
                         ORDER BY p.""" + order.replace(", ", ", p."))
                .params(query.params(page.offset() + page.size() + 1)).param("offset", page.offset())
                .param("size", page.size() + 1)
                .query((rs, row) -> new QueueEntry(ticket(rs, row), SlaTarget.valueOf(rs.getString("next_target")),
                        JdbcTimestamps.read(rs, "next_due_at"), rs.getBoolean("next_paused"),
                        QueuePosition.risk(JdbcTimestamps.read(rs, "at_risk_at"), JdbcTimestamps.read(rs, "breach_at"),
                                now)))
                .list();
        boolean hasNext = entries.size() > page.size();
        return new QueuePage(hasNext ? entries.subList(0, page.size()) : entries, page.page(), page.size(),
                count(query), hasNext);
    }

    /**
     * Every open ticket of the queue, all pages, in the queue's order, handed over as the rows are read: in a
     * transaction, PostgreSQL reads them through a cursor a few hundred at a time. Tags are left out.
     */
    void exportQueue(QueueSearch search, Instant now, Consumer<QueueEntry> each) {
        QueueQuery query = QueueQuery.of(search, now);
        String positions = query.parts().stream()
                .map(part -> "SELECT * FROM (" + part.rows("q.ticket_id, q.next_due_at") + ") part")
                .collect(Collectors.joining(" UNION ALL "));
        jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1t.") + """
                        , q.next_target, q.next_due_at, q.next_paused, q.at_risk_at, q.breach_at
                          FROM (""" + positions + """
                                ) p
                          JOIN ticket_queue q ON q.ticket_id = p.ticket_id JOIN ticket t ON t.id = p.ticket_id
                         ORDER BY p.next_due_at, p.ticket_id""")
                .params(query.params(Integer.MAX_VALUE)).withFetchSize(EXPORT_FETCH_SIZE)
                .query((RowCallbackHandler) rs -> each.accept(new QueueEntry(ticket(rs, 0),
                        SlaTarget.valueOf(rs.getString("next_target")), JdbcTimestamps.read(rs, "next_due_at"),
                        rs.getBoolean("next_paused"), QueuePosition.risk(JdbcTimestamps.read(rs, "at_risk_at"),
                                JdbcTimestamps.read(rs, "breach_at"), now))));
    }

    /** For each of these tiers with any, how many open tickets are at risk now and how many breached. */
    List<RiskCount> riskByTier(List<String> tiers, Instant now) {
        var counts = new ArrayList<RiskCount>();
        for (String tier : tiers) {
            QueueCount atRisk = count(QueueQuery.of(riskSearch(tier, SlaRisk.AT_RISK), now));
            QueueCount breached = count(QueueQuery.of(riskSearch(tier, SlaRisk.BREACHED), now));
            if (atRisk.count() > 0 || breached.count() > 0) {
                counts.add(new RiskCount(tier, atRisk, breached));
            }
        }
        return counts;
    }

    /** How many open tickets the search finds, up to the limit, without reading any of them. */
    QueueCount count(QueueSearch search, Instant now) {
        return count(QueueQuery.of(search, now));
    }

    /** The queue's rows counted up to one past the limit, each part of it on its own. */
    private QueueCount count(QueueQuery query) {
        return QueueCount.of(jdbc.sql("SELECT " + query.parts().stream()
                        .map(part -> "(SELECT COUNT(*) FROM (" + part.rows("1 AS one") + ") c)")
                        .collect(Collectors.joining(" + ")))
                .params(query.params(QueueCount.LIMIT + 1)).query(Long.class).single());
    }

    /**
     * A queue's rows of ticket_queue (q), as one or two parts that the queue unites. Without a risk filter there is
     * one: the rows by the filters, in the queue's order. With one, the first part takes the rows whose stored risk is
     * that risk and still holds (their risk_changes_at has not come), in the queue's order; the second, for at risk
     * and breached, the rows whose risk has moved on to it since they were written (a row's risk only moves upwards
     * with time), in the order of their risk_changes_at: the watcher writes each again at that instant, so they are
     * few, and of them the queue takes at most one past the count's limit.
     *
     * <p>Every part is read in the order of an index and stops after the rows it needs, so that its plan does not
     * depend on how many rows the database expects the filters to match: a prepared statement's generic plan walks
     * the same index as one planned for its values. A queue in due order walks (next_due_at, ticket_id), a person's
     * or the unassigned (assignee, …), a tier's (tier, …), a risk's (risk, …) or (tier, risk, …).
     */
    private record QueueQuery(List<Part> parts, Map<String, Object> filters) {

        /**
         * A part's conditions, whether it takes the rows whose risk has moved since they were written, and whether
         * the queue lists the ticket due last first (the same index walked backwards).
         */
        record Part(String where, boolean moved, boolean dueLast) {

            String rows(String columns) {
                return "SELECT " + columns + " FROM ticket_queue q WHERE " + where
                        + (moved ? " ORDER BY q.risk_changes_at FETCH FIRST :moved ROWS ONLY"
                                : dueLast ? " ORDER BY q.next_due_at DESC, q.ticket_id DESC FETCH FIRST :reach ROWS ONLY"
                                : " ORDER BY q.next_due_at, q.ticket_id FETCH FIRST :reach ROWS ONLY");
            }
        }

        static QueueQuery of(QueueSearch search, Instant now) {
            var where = new StringBuilder("1 = 1");
            var filters = new HashMap<String, Object>();
            filters.put("now", JdbcTimestamps.toColumn(now));
            filter(where, filters, "q.assignee", "assignee", search.assignee());
            if (search.unassigned()) {
                where.append(" AND q.assignee IS NULL");
            }
            filter(where, filters, "q.tier", "tier", search.tier());
            filter(where, filters, "q.type", "type", search.type() == null ? null : search.type().name());
            filter(where, filters, "q.status", "status", search.status() == null ? null : search.status().name());
            filter(where, filters, "q.channel", "channel", search.channel() == null ? null : search.channel().name());
            if (search.risk() == null) {
                return new QueueQuery(List.of(new Part(where.toString(), false, search.dueLast())), filters);
            }
            filters.put("risk", search.risk().ordinal());
            var held = new Part(where
                    + " AND q.risk = :risk AND (q.risk_changes_at IS NULL OR q.risk_changes_at > :now)", false,
                    search.dueLast());
            return new QueueQuery(switch (search.risk()) {
                case ON_TRACK -> List.of(held);
                case AT_RISK -> List.of(held, new Part(where
                        + " AND q.risk_changes_at <= :now AND (q.breach_at IS NULL OR q.breach_at > :now)", true, false));
                case BREACHED -> List.of(held,
                        new Part(where + " AND q.risk_changes_at <= :now AND q.breach_at <= :now", true, false));
            }, filters);
        }

        /** The filters' values, how many rows a part in the queue's order reads at most, and one of moved rows. */
        Map<String, Object> params(long reach) {
            var params = new HashMap<>(filters);
            params.put("reach", reach);
            params.put("moved", QueueCount.LIMIT + 1);
            return params;
        }
    }

    /**
     * Keeps the ticket's queue position, in the caller's transaction, after the ticket and its targets were written:
     * an open ticket with a running target has one, read from its row and its targets' outcomes, any other none. Its
     * risk is the one it has at {@code now}.
     */
    void placeInQueue(TicketId id, List<TargetOutcome> outcomes, Instant now) {
        jdbc.sql("DELETE FROM ticket_queue WHERE ticket_id = :id").param("id", id.value()).update();
        enqueue(id, outcomes, now);
    }

    /** Gives a ticket that has no queue position yet (a new one) its position, as {@link #placeInQueue} does. */
    void enqueue(TicketId id, List<TargetOutcome> outcomes, Instant now) {
        QueuePosition.of(outcomes).ifPresent(position -> jdbc.sql("""
                        INSERT INTO ticket_queue (ticket_id, assignee, tier, type, status, channel, next_target,
                                                  next_due_at, next_paused, at_risk_at, breach_at, risk,
                                                  risk_changes_at)
                        SELECT id, assignee, tier, type, status, channel, :target, :due, :paused, :atRisk, :breach,
                               :risk, :riskChanges
                          FROM ticket WHERE id = :id AND status NOT IN ('SOLVED', 'CLOSED')
                        """)
                .param("id", id.value()).param("target", position.nextTarget().name())
                .param("due", JdbcTimestamps.toColumn(position.nextDue())).param("paused", position.nextPaused())
                .param("atRisk", JdbcTimestamps.toColumn(position.atRiskAt()))
                .param("breach", JdbcTimestamps.toColumn(position.breachAt()))
                .param("risk", position.riskAt(now).ordinal())
                .param("riskChanges", JdbcTimestamps.toColumn(position.riskChangesAt(now)))
                .update());
    }

    /** The ticket's conversation in the order it was written, messages merged in from a duplicate among the rest. */
    List<TicketMessage> messages(TicketId id) {
        return jdbc.sql("""
                SELECT id, kind, author, body, at, merged_from FROM ticket_message WHERE ticket_id = :id ORDER BY at, id
                """)
                .param("id", id.value())
                .query((rs, row) -> {
                    long from = rs.getLong("merged_from");
                    Long mergedFrom = rs.wasNull() ? null : from;
                    return new TicketMessage(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")),
                            rs.getString("author"), rs.getString("body"), JdbcTimestamps.read(rs, "at"),
                            mergedFrom);
                })
                .list();
    }

    TicketMessage addMessage(TicketId id, MessageKind kind, String author, String body, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ticket_message (ticket_id, kind, author, body, at) VALUES (:id, :kind, :author, :body, :at)")
                .param("id", id.value()).param("kind", kind.name()).param("author", author).param("body", body)
                .param("at", JdbcTimestamps.toColumn(at)).update(keys, "id");
        return new TicketMessage(keys.getKey().longValue(), kind, author, body, at, null);
    }

    /**
     * Copies the duplicate's messages to the target with their kinds, authors and times, each naming the ticket it
     * was first written on (a message the duplicate had itself taken in by a merge keeps its first ticket); returns
     * how many it copied.
     */
    int copyMessages(TicketId duplicate, TicketId target) {
        return jdbc.sql("""
                INSERT INTO ticket_message (ticket_id, kind, author, body, at, merged_from)
                SELECT :target, kind, author, body, at, COALESCE(merged_from, :duplicate)
                  FROM ticket_message WHERE ticket_id = :duplicate ORDER BY id
                """).param("target", target.value()).param("duplicate", duplicate.value()).update();
    }

    void recordMerge(TicketId duplicate, TicketId target, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO ticket_merge (duplicate_id, target_id, merged_by, merged_at)
                VALUES (:duplicate, :target, :actor, :at)
                """).param("duplicate", duplicate.value()).param("target", target.value()).param("actor", actor)
                .param("at", JdbcTimestamps.toColumn(at)).update();
    }

    /** The ticket this one was merged into, if it was. */
    Optional<TicketId> mergedInto(TicketId duplicate) {
        return jdbc.sql("SELECT target_id FROM ticket_merge WHERE duplicate_id = :id").param("id", duplicate.value())
                .query((rs, row) -> TicketId.of(rs.getLong(1))).optional();
    }

    /** Replaces the ticket's SLA history, as a merge does when the duplicate is the older request. */
    void replaceClockHistory(TicketId id, List<TicketEvent> history) {
        jdbc.sql("DELETE FROM ticket_sla_event WHERE ticket_id = :id").param("id", id.value()).update();
        appendClockEvents(id, 0, history);
    }

    void changePolicyVersion(TicketId id, int policyVersion) {
        jdbc.sql("UPDATE ticket SET policy_version = :policy WHERE id = :id").param("policy", policyVersion)
                .param("id", id.value()).update();
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

    /** The request hashes of those of the keys that are claimed, by key. */
    Map<String, String> claimedHashes(Set<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, String> hashes = new HashMap<>();
        jdbc.sql("SELECT idempotency_key, request_sha256 FROM ticket_intake_key WHERE idempotency_key IN (:keys)")
                .param("keys", List.copyOf(keys)).query(rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
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

    private static QueueSearch riskSearch(String tier, SlaRisk risk) {
        return new QueueSearch(null, false, tier, null, null, null, risk, PageSpec.first(1));
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
