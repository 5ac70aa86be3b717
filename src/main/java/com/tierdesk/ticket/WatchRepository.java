package com.tierdesk.ticket;

import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaTarget;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one writer of the watcher's tables: each ticket's next wake, the alerts recorded and the steps taken. */
@Repository
class WatchRepository {

    private final JdbcClient jdbc;

    WatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> wake(TicketId id) {
        return jdbc.sql("SELECT wake_at FROM ticket_sla_watch WHERE ticket_id = :id").param("id", id.value())
                .query((rs, row) -> JdbcTimestamps.read(rs, "wake_at")).optional();
    }

    void setWake(TicketId id, Instant wake) {
        int updated = jdbc.sql("UPDATE ticket_sla_watch SET wake_at = :wake WHERE ticket_id = :id")
                .param("wake", JdbcTimestamps.toColumn(wake)).param("id", id.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ticket_sla_watch (ticket_id, wake_at) VALUES (:id, :wake)")
                    .param("wake", JdbcTimestamps.toColumn(wake)).param("id", id.value()).update();
        }
    }

    /** The first wake of a ticket that has none yet. */
    void firstWake(TicketId id, Instant wake) {
        jdbc.sql("INSERT INTO ticket_sla_watch (ticket_id, wake_at) VALUES (:id, :wake)")
                .param("wake", JdbcTimestamps.toColumn(wake)).param("id", id.value()).update();
    }

    void clearWake(TicketId id) {
        jdbc.sql("DELETE FROM ticket_sla_watch WHERE ticket_id = :id").param("id", id.value()).update();
    }

    /** Records that the target reached the status in the cycle; false if that was recorded before. */
    boolean alert(TicketId id, SlaTarget target, int cycle, ClockStatus status, Instant at) {
        return jdbc.sql("""
                INSERT INTO ticket_sla_alert (ticket_id, target, cycle, status, at)
                VALUES (:id, :target, :cycle, :status, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("id", id.value()).param("target", target.name()).param("cycle", cycle)
                .param("status", status.name()).param("at", JdbcTimestamps.toColumn(at)).update() == 1;
    }

    /** When the target reached each status recorded in the cycle. */
    Map<ClockStatus, Instant> alerts(TicketId id, SlaTarget target, int cycle) {
        return jdbc.sql("""
                SELECT status, at FROM ticket_sla_alert WHERE ticket_id = :id AND target = :target AND cycle = :cycle
                """)
                .param("id", id.value()).param("target", target.name()).param("cycle", cycle)
                .query((rs, row) -> Map.entry(ClockStatus.valueOf(rs.getString("status")), JdbcTimestamps.read(rs, "at")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Claims an escalation step for the ticket's target in the cycle; false if it was taken before. */
    boolean claimStep(TicketId id, SlaTarget target, int cycle, int level, EscalationAction action, Instant at) {
        return jdbc.sql("""
                INSERT INTO ticket_escalation_step (ticket_id, target, cycle, level, action, at)
                VALUES (:id, :target, :cycle, :level, :action, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("id", id.value()).param("target", target.name()).param("cycle", cycle).param("level", level)
                .param("action", action.name()).param("at", JdbcTimestamps.toColumn(at)).update() == 1;
    }

    /** The levels of the steps taken for the ticket's target in the cycle, in order. */
    List<Integer> stepsTaken(TicketId id, SlaTarget target, int cycle) {
        return jdbc.sql("""
                SELECT level FROM ticket_escalation_step
                 WHERE ticket_id = :id AND target = :target AND cycle = :cycle ORDER BY level
                """)
                .param("id", id.value()).param("target", target.name()).param("cycle", cycle)
                .query(Integer.class).list();
    }

    /** How many tickets that are neither solved nor closed each of these accounts has. */
    Map<String, Integer> openTicketsOf(Collection<String> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT assignee, COUNT(*) AS open FROM ticket
                 WHERE assignee IN (:accounts) AND status NOT IN ('SOLVED', 'CLOSED')
                 GROUP BY assignee
                """)
                .param("accounts", accounts)
                .query((rs, row) -> Map.entry(rs.getString("assignee"), rs.getInt("open"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
