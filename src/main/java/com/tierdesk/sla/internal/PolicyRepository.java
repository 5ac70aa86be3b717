package com.tierdesk.sla.internal;

import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.sla.PolicyMatrix;
import com.tierdesk.sla.PolicyNote;
import com.tierdesk.sla.PolicyRow;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versions of the SLA policy matrix in sla_policy_version and sla_policy_row; a version is never changed. */
@Repository
public class PolicyRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PolicyRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Integer> latestVersion() {
        return jdbc.sql("SELECT MAX(version) FROM sla_policy_version").query(Integer.class).optional();
    }

    public Optional<PolicyMatrix> find(int version) {
        record Head(Instant createdAt, String createdBy, PolicyNote note, long liveChat) {
        }
        Optional<Head> head = jdbc.sql("SELECT created_at, created_by, note_zh, note_en, live_chat_first_reply_seconds "
                        + "FROM sla_policy_version WHERE version = ?").param(version)
                .query((rs, row) -> new Head(JdbcTimestamps.read(rs, "created_at"), rs.getString("created_by"),
                        note(rs), rs.getLong("live_chat_first_reply_seconds"))).optional();
        return head.map(h -> new PolicyMatrix(version, h.createdAt(), h.createdBy(), h.note(),
                Duration.ofSeconds(h.liveChat()), rows(version)));
    }

    /** Every version, latest first, without rows. */
    public List<PolicyMatrix> versions() {
        return jdbc.sql("SELECT version, created_at, created_by, note_zh, note_en, live_chat_first_reply_seconds "
                        + "FROM sla_policy_version ORDER BY version DESC")
                .query((rs, row) -> new PolicyMatrix(rs.getInt("version"), JdbcTimestamps.read(rs, "created_at"),
                        rs.getString("created_by"), note(rs),
                        Duration.ofSeconds(rs.getLong("live_chat_first_reply_seconds")), List.of())).list();
    }

    /** Stores the matrix as the next version and returns its number. */
    public int insert(PolicyMatrix matrix, Instant now) {
        int version = latestVersion().orElse(0) + 1;
        jdbc.sql("INSERT INTO sla_policy_version (version, created_at, created_by, note_zh, note_en, "
                        + "live_chat_first_reply_seconds) VALUES (?, ?, ?, ?, ?, ?)")
                .params(version, JdbcTimestamps.toColumn(now), matrix.createdBy(), matrix.note().zh(), matrix.note().en(),
                        matrix.liveChatFirstReply().getSeconds()).update();
        var batch = new ArrayList<Object[]>();
        for (int i = 0; i < matrix.rows().size(); i++) {
            PolicyRow row = matrix.rows().get(i);
            batch.add(new Object[] {version, i, row.tier(), row.type().name(),
                    row.priority() == null ? null : row.priority().name(), row.target().name(),
                    row.duration().getSeconds(), row.calendar()});
        }
        template.batchUpdate("INSERT INTO sla_policy_row (version, position, tier, ticket_type, priority, target, "
                + "duration_seconds, calendar_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch);
        return version;
    }

    private static PolicyNote note(ResultSet rs) throws SQLException {
        return new PolicyNote(rs.getString("note_zh"), rs.getString("note_en"));
    }

    private List<PolicyRow> rows(int version) {
        return jdbc.sql("SELECT tier, ticket_type, priority, target, duration_seconds, calendar_code "
                        + "FROM sla_policy_row WHERE version = ? ORDER BY position").param(version)
                .query((rs, row) -> new PolicyRow(rs.getString(1), TicketType.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : Priority.valueOf(rs.getString(3)),
                        SlaTarget.valueOf(rs.getString(4)), Duration.ofSeconds(rs.getLong(5)), rs.getString(6))).list();
    }
}
