package com.tierdesk.ticket;

import com.tierdesk.shared.JdbcTimestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        jdbc.sql("""
                INSERT INTO ticket_return (order_external_id, customer_code, tier, kind, reason, status, email, language,
                       requested_at, requested_by, decision_due_at, return_window_days, free_return_shipping)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(request.orderExternalId()).param(request.customerCode()).param(request.tier())
                .param(request.kind().name()).param(request.reason()).param(request.status().name())
                .param(request.email()).param(request.language()).param(JdbcTimestamps.toColumn(request.requestedAt()))
                .param(request.requestedBy()).param(JdbcTimestamps.toColumn(request.decisionDueAt()))
                .param(request.returnWindowDays()).param(request.freeReturnShipping()).update();
        long id = jdbc.sql("SELECT MAX(id) FROM ticket_return WHERE order_external_id = ? AND requested_by = ?")
                .param(request.orderExternalId()).param(request.requestedBy()).query(Long.class).single();
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
        List<Object[]> heads = spec.query(ReturnRepository::head).list();
        List<ReturnRequest> requests = new ArrayList<>();
        for (Object[] head : heads) {
            long id = (Long) head[0];
            List<ReturnLine> lines = jdbc.sql("""
                    SELECT line_no, product_code, product_name, quantity, amount FROM ticket_return_line
                     WHERE return_id = ? ORDER BY line_no
                    """).param(id).query((rs, n) -> new ReturnLine(rs.getInt(1), rs.getString(2), rs.getString(3),
                    rs.getInt(4), rs.getBigDecimal(5))).list();
            List<ReturnStep> steps = jdbc.sql("""
                    SELECT at, actor, status, note FROM ticket_return_step WHERE return_id = ? ORDER BY at, id
                    """).param(id).query((rs, n) -> new ReturnStep(JdbcTimestamps.read(rs, "at"), rs.getString("actor"),
                    ReturnStatus.valueOf(rs.getString("status")), rs.getString("note"))).list();
            requests.add(((HeadFactory) head[1]).with(lines, steps));
        }
        return requests;
    }

    private interface HeadFactory {
        ReturnRequest with(List<ReturnLine> lines, List<ReturnStep> steps);
    }

    private static Object[] head(ResultSet rs, int rowNum) throws SQLException {
        long id = rs.getLong("id");
        String order = rs.getString("order_external_id");
        String customer = rs.getString("customer_code");
        String tier = rs.getString("tier");
        ReturnKind kind = ReturnKind.valueOf(rs.getString("kind"));
        String reason = rs.getString("reason");
        ReturnStatus status = ReturnStatus.valueOf(rs.getString("status"));
        String email = rs.getString("email");
        String language = rs.getString("language");
        Instant requestedAt = JdbcTimestamps.read(rs, "requested_at");
        String requestedBy = rs.getString("requested_by");
        Instant due = JdbcTimestamps.read(rs, "decision_due_at");
        int window = rs.getInt("return_window_days");
        boolean free = rs.getBoolean("free_return_shipping");
        BigDecimal refund = rs.getBigDecimal("refund_amount");
        String note = rs.getString("outcome_note");
        HeadFactory factory = (lines, steps) -> new ReturnRequest(id, order, customer, tier, kind, reason, status, email,
                language, requestedAt, requestedBy, due, window, free, refund, note, lines, steps);
        return new Object[] {id, factory};
    }
}
