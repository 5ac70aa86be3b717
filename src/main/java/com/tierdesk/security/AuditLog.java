package com.tierdesk.security;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.JdbcTimestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what to which subject: overrides, approvals, exports, unmasking, token and account changes, sign-in locks
 * and commands run from the command line. The actor is an account's name whatever the channel (console, token,
 * command line), or {@code system} for what the application does by itself.
 */
@Service
public class AuditLog {

    private static final int DETAIL_LIMIT = 4000;

    private final JdbcClient jdbc;
    private final BusinessTime time;

    AuditLog(JdbcClient jdbc, BusinessTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Records an action; joins the caller's transaction so the entry exists exactly when the action happened. */
    @Transactional
    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, subject, detail)
                VALUES (:occurredAt, :actor, :action, :subject, :detail)
                """)
                .param("occurredAt", JdbcTimestamps.toColumn(time.now()))
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("detail", limited(detail))
                .update();
    }

    /**
     * Records what happened at {@code occurredAt} unless an entry with the same occurrence key exists: for entries
     * written in reaction to an event, which may be delivered more than once. @return whether this call recorded it
     */
    @Transactional
    public boolean recordOnce(String occurrenceKey, Instant occurredAt, String actor, String action, String subject,
            String detail) {
        return jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, subject, detail, occurrence_key)
                VALUES (:occurredAt, :actor, :action, :subject, :detail, :key)
                ON CONFLICT DO NOTHING
                """)
                .param("occurredAt", JdbcTimestamps.toColumn(occurredAt))
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("detail", limited(detail))
                .param("key", occurrenceKey)
                .update() == 1;
    }

    private static String limited(String detail) {
        return detail == null || detail.length() <= DETAIL_LIMIT ? detail : detail.substring(0, DETAIL_LIMIT);
    }

    /** The latest entries, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject, detail FROM audit_event
                ORDER BY occurred_at DESC, id DESC LIMIT :limit
                """)
                .param("limit", limit)
                .query((rs, row) -> new AuditEvent(rs.getLong("id"), JdbcTimestamps.read(rs, "occurred_at"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
