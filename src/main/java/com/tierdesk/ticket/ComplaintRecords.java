package com.tierdesk.ticket;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.JdbcTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one writer of the complaint flow's tables: {@code ticket_complaint} and {@code ticket_complaint_stage}. */
@Repository
class ComplaintRecords {

    /** A complex complaint among closed tickets, as its callback needs it. */
    record Closed(TicketId ticket, CustomerId customer, String assignee, String specialist) {
    }

    private final JdbcClient jdbc;

    ComplaintRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Complaint of(TicketId id) {
        List<Complaint.Stage> stages = jdbc.sql("""
                SELECT stage, body, recorded_by, recorded_at FROM ticket_complaint_stage WHERE ticket_id = :id
                """).param("id", id.value()).query((rs, row) -> new Complaint.Stage(
                ComplaintStage.valueOf(rs.getString("stage")), rs.getString("body"), rs.getString("recorded_by"),
                JdbcTimestamps.read(rs, "recorded_at"))).list();
        var ordered = new ArrayList<>(stages);
        ordered.sort((a, b) -> a.stage().compareTo(b.stage()));
        return jdbc.sql("SELECT complex, specialist, escalated_at FROM ticket_complaint WHERE ticket_id = :id")
                .param("id", id.value())
                .query((rs, row) -> new Complaint(rs.getBoolean("complex"), rs.getString("specialist"),
                        JdbcTimestamps.read(rs, "escalated_at"), ordered))
                .optional().orElse(new Complaint(false, null, null, ordered));
    }

    void addStage(TicketId id, ComplaintStage stage, String body, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO ticket_complaint_stage (ticket_id, stage, body, recorded_by, recorded_at)
                VALUES (:id, :stage, :body, :by, :at)
                """).param("id", id.value()).param("stage", stage.name()).param("body", body).param("by", by)
                .param("at", JdbcTimestamps.toColumn(at)).update();
    }

    void flagComplex(TicketId id) {
        ensureRow(id);
        jdbc.sql("UPDATE ticket_complaint SET complex = TRUE WHERE ticket_id = :id").param("id", id.value()).update();
    }

    void escalated(TicketId id, String specialist, Instant at) {
        ensureRow(id);
        jdbc.sql("UPDATE ticket_complaint SET complex = TRUE, specialist = :specialist, escalated_at = :at "
                        + "WHERE ticket_id = :id")
                .param("specialist", specialist).param("at", JdbcTimestamps.toColumn(at)).param("id", id.value())
                .update();
    }

    /** Of these tickets, the complex complaints. */
    List<Closed> complexAmong(Collection<TicketId> tickets) {
        if (tickets.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT t.id, t.customer_id, t.assignee, c.specialist FROM ticket_complaint c
                  JOIN ticket t ON t.id = c.ticket_id
                 WHERE c.complex AND c.ticket_id IN (:ids)
                 ORDER BY t.id
                """).param("ids", tickets.stream().map(TicketId::value).toList())
                .query((rs, row) -> new Closed(TicketId.of(rs.getLong("id")),
                        CustomerId.of(rs.getLong("customer_id")), rs.getString("assignee"),
                        rs.getString("specialist"))).list();
    }

    private void ensureRow(TicketId id) {
        jdbc.sql("INSERT INTO ticket_complaint (ticket_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .param("id", id.value()).update();
    }
}
