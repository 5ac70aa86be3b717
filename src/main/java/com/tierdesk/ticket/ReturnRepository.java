package com.tierdesk.ticket;

import com.tierdesk.shared.JdbcTimestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Returns, their lines and steps (ticket_return, ticket_return_line, ticket_return_step). */
@Repository
class ReturnRepository {

    private static final String SELECT = """
            SELECT id, order_external_id, customer_code, tier, kind, reason, status, email, language, requested_at,
                   requested_by, decision_due_at, return_window_days, free_return_shipping, refund_amount, outcome_note
              FROM ticket_return
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
        return list(SELECT + " WHERE id = ?", List.of(id)).stream().findFirst();
    }

    /** Returns in the given statuses (all when empty), the earliest decision deadline first. */
    List<ReturnRequest> board(List<ReturnStatus> statuses, int limit) {
        if (statuses.isEmpty()) {
            return list(SELECT + " ORDER BY decision_due_at, id LIMIT " + limit, List.of());
        }
        String marks = String.join(", ", statuses.stream().map(s -> "?").toList());
        return list(SELECT + " WHERE status IN (" + marks + ") ORDER BY decision_due_at, id LIMIT " + limit,
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
        return new ReturnRequest(r.id(), r.orderExternalId(), r.customerCode(), r.tier(), r.kind(), r.reason(),
                r.status(), r.email(), r.language(), r.requestedAt(), r.requestedBy(), r.decisionDueAt(),
                r.returnWindowDays(), r.freeReturnShipping(), r.refundAmount(), r.outcomeNote(), lines, steps);
    }

    /** The return's own row, without its lines and steps. */
    private static ReturnRequest head(ResultSet rs, int rowNum) throws SQLException {
        return new ReturnRequest(rs.getLong("id"), rs.getString("order_external_id"), rs.getString("customer_code"),
                rs.getString("tier"), ReturnKind.valueOf(rs.getString("kind")), rs.getString("reason"),
                ReturnStatus.valueOf(rs.getString("status")), rs.getString("email"), rs.getString("language"),
                JdbcTimestamps.read(rs, "requested_at"), rs.getString("requested_by"),
                JdbcTimestamps.read(rs, "decision_due_at"), rs.getInt("return_window_days"),
                rs.getBoolean("free_return_shipping"), rs.getBigDecimal("refund_amount"), rs.getString("outcome_note"),
                List.of(), List.of());
    }
}
