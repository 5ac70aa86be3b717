package com.tierdesk.ticket;

import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.sla.ClockStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Returns, their lines and steps (ticket_return, ticket_return_line, ticket_return_step), each read with its ticket's
 * return-decision target.
 */
@Repository
class ReturnRepository {

    /** A return's row with its ticket's return-decision target, whose due instant is the decision's deadline. */
    private static final String SELECT = """
            SELECT r.id, r.ticket_id, r.order_external_id, r.customer_code, r.tier, r.kind, r.reason, r.status, r.email,
                   r.language, r.requested_at, r.requested_by, COALESCE(d.due_at, r.decision_due_at) AS decision_due_at,
                   r.return_window_days, r.free_return_shipping, r.refund_amount, r.outcome_note, d.due_at,
                   d.at_risk_at, d.status AS decision_status, d.running, d.achieved_at
              FROM ticket_return r
              LEFT JOIN ticket_sla_target d ON d.ticket_id = r.ticket_id AND d.target = 'RETURN_DECISION'
            """;

    private final JdbcClient jdbc;

    ReturnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ReturnRequest request) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket_return (order_external_id, customer_code, tier, kind, reason, status, email, language,
                       requested_at, requested_by, decision_due_at, return_window_days, free_return_shipping)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(request.orderExternalId()).param(request.customerCode()).param(request.tier())
                .param(request.kind().name()).param(request.reason()).param(request.status().name())
                .param(request.email()).param(request.language()).param(JdbcTimestamps.toColumn(request.requestedAt()))
                .param(request.requestedBy()).param(JdbcTimestamps.toColumn(request.decisionDueAt()))
                .param(request.returnWindowDays()).param(request.freeReturnShipping()).update(keys, "id");
        long id = keys.getKey().longValue();
        for (ReturnLine line : request.lines()) {
            jdbc.sql("""
                    INSERT INTO ticket_return_line (return_id, line_no, product_code, product_name, quantity, amount)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).param(id).param(line.lineNo()).param(line.productCode()).param(line.productName())
                    .param(line.quantity()).param(line.amount()).update();
        }
        return id;
    }

    /** Links the return to its ticket, whose return-decision target is due at {@code decisionDueAt}. */
    void linkTicket(long id, TicketId ticket, Instant decisionDueAt) {
        jdbc.sql("UPDATE ticket_return SET ticket_id = ?, decision_due_at = ? WHERE id = ?").param(ticket.value())
                .param(JdbcTimestamps.toColumn(decisionDueAt)).param(id).update();
    }

    /** The id of the return made on the ticket, if one was. */
    Optional<Long> onTicket(TicketId ticket) {
        return jdbc.sql("SELECT id FROM ticket_return WHERE ticket_id = ?").param(ticket.value()).query(Long.class)
                .optional();
    }

    void addStep(long id, ReturnStep step) {
        jdbc.sql("INSERT INTO ticket_return_step (return_id, at, actor, status, note) VALUES (?, ?, ?, ?, ?)")
                .param(id).param(JdbcTimestamps.toColumn(step.at())).param(step.actor()).param(step.status().name())
                .param(step.note()).update();
    }

    void move(long id, ReturnStatus status, BigDecimal refundAmount, String outcomeNote) {
        jdbc.sql("""
                UPDATE ticket_return SET status = ?, refund_amount = COALESCE(?, refund_amount),
                       outcome_note = COALESCE(?, outcome_note)
                 WHERE id = ?
                """).param(status.name()).param(refundAmount).param(outcomeNote).param(id).update();
    }

    /** The return, locked until the transaction ends so that two steps never race. */
    Optional<ReturnStatus> lock(long id) {
        return jdbc.sql("SELECT status FROM ticket_return WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional().map(ReturnStatus::valueOf);
    }

    Optional<ReturnRequest> find(long id) {
        return list(SELECT + " WHERE r.id = ?", List.of(id)).stream().findFirst();
    }

    /** Returns in the given statuses (all when empty), the earliest decision deadline first. */
    List<ReturnRequest> board(List<ReturnStatus> statuses, int limit) {
        String order = " ORDER BY COALESCE(d.due_at, r.decision_due_at), r.id LIMIT " + limit;
        if (statuses.isEmpty()) {
            return list(SELECT + order, List.of());
        }
        String marks = String.join(", ", statuses.stream().map(s -> "?").toList());
        return list(SELECT + " WHERE r.status IN (" + marks + ")" + order,
                statuses.stream().<Object>map(ReturnStatus::name).toList());
    }

    /** How many of each line of the order other returns, not rejected, already take back. */
    Map<Integer, Integer> quantitiesClaimed(String orderExternalId) {
        Map<Integer, Integer> claimed = new HashMap<>();
        jdbc.sql("""
                SELECT l.line_no, SUM(l.quantity) FROM ticket_return_line l JOIN ticket_return r ON r.id = l.return_id
                 WHERE r.order_external_id = ? AND r.status <> 'REJECTED' GROUP BY l.line_no
                """).param(orderExternalId).query(rs -> {
                    claimed.put(rs.getInt(1), rs.getInt(2));
                });
        return claimed;
    }

    private List<ReturnRequest> list(String sql, List<Object> params) {
        var spec = jdbc.sql(sql);
        for (Object param : params) {
            spec = spec.param(param);
        }
        return spec.query(ReturnRepository::head).list().stream().map(this::withDetails).toList();
    }

    /** The return read with its lines and steps. */
    private ReturnRequest withDetails(ReturnRequest r) {
        List<ReturnLine> lines = jdbc.sql("""
                SELECT line_no, product_code, product_name, quantity, amount FROM ticket_return_line
                 WHERE return_id = ? ORDER BY line_no
                """).param(r.id()).query((rs, n) -> new ReturnLine(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getInt(4), rs.getBigDecimal(5))).list();
        List<ReturnStep> steps = jdbc.sql("SELECT at, actor, status, note FROM ticket_return_step WHERE return_id = ? ORDER BY at, id")
                .param(r.id()).query((rs, n) -> new ReturnStep(JdbcTimestamps.read(rs, "at"), rs.getString("actor"),
                        ReturnStatus.valueOf(rs.getString("status")), rs.getString("note"))).list();
        return new ReturnRequest(r.id(), r.ticket(), r.orderExternalId(), r.customerCode(), r.tier(), r.kind(),
                r.reason(), r.status(), r.email(), r.language(), r.requestedAt(), r.requestedBy(), r.decisionDueAt(),
                r.returnWindowDays(), r.freeReturnShipping(), r.refundAmount(), r.outcomeNote(), lines, steps,
                r.decision());
    }

    /** The return's own row and its decision target, without its lines and steps. */
    private static ReturnRequest head(ResultSet rs, int rowNum) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        TicketId ticketId = rs.wasNull() ? null : TicketId.of(ticket);
        String decisionStatus = rs.getString("decision_status");
        ReturnRequest.Decision decision = decisionStatus == null ? null : new ReturnRequest.Decision(
                JdbcTimestamps.read(rs, "due_at"), JdbcTimestamps.read(rs, "at_risk_at"),
                ClockStatus.valueOf(decisionStatus), rs.getBoolean("running"), JdbcTimestamps.read(rs, "achieved_at"));
        return new ReturnRequest(rs.getLong("id"), ticketId, rs.getString("order_external_id"),
                rs.getString("customer_code"), rs.getString("tier"), ReturnKind.valueOf(rs.getString("kind")),
                rs.getString("reason"), ReturnStatus.valueOf(rs.getString("status")), rs.getString("email"),
                rs.getString("language"), JdbcTimestamps.read(rs, "requested_at"), rs.getString("requested_by"),
                JdbcTimestamps.read(rs, "decision_due_at"), rs.getInt("return_window_days"),
                rs.getBoolean("free_return_shipping"), rs.getBigDecimal("refund_amount"), rs.getString("outcome_note"),
                List.of(), List.of(), decision);
    }
}
