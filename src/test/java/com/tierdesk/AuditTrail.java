package com.tierdesk;

import com.tierdesk.security.AuditEvent;
import com.tierdesk.shared.JdbcTimestamps;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit entries about one subject, newest first: tests read their own subject's entries, since other tests on
 * the same database record entries at later instants of their own clocks.
 */
public final class AuditTrail {

    private AuditTrail() {
    }

    public static List<AuditEvent> about(JdbcClient jdbc, String subject) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject, detail FROM audit_event
                WHERE subject = :subject ORDER BY occurred_at DESC, id DESC
                """)
                .param("subject", subject)
                .query((rs, row) -> new AuditEvent(rs.getLong("id"), JdbcTimestamps.read(rs, "occurred_at"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
