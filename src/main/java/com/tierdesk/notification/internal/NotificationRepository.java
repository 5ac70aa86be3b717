package com.tierdesk.notification.internal;

import com.tierdesk.notification.EmailThread;
import com.tierdesk.notification.Notification;
import com.tierdesk.notification.NotificationChannel;
import com.tierdesk.notification.NotificationDraft;
import com.tierdesk.notification.NotificationStatus;
import com.tierdesk.shared.JdbcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The one writer of the {@code notification} table. */
@Repository
public class NotificationRepository {

    private static final String COLUMNS = "id, channel, recipient_account, recipient_email, language, template, "
            + "arguments, link, status, attempts, next_attempt_at, last_error, created_at, sent_at, read_at";
    private static final int ERROR_LENGTH = 1000;
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NotificationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a notification: a console one as sent at once (the bell reads it), an email as due now. */
    public long insert(NotificationDraft draft, Instant now) {
        boolean console = draft.channel() == NotificationChannel.CONSOLE;
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification (channel, recipient_account, recipient_email, language, template, arguments,
                                          link, status, attempts, next_attempt_at, created_at, sent_at)
                VALUES (:channel, :account, :email, :language, :template, :arguments, :link, :status, 0, :now, :now,
                        :sentAt)
                """)
                .param("channel", draft.channel().name()).param("account", draft.account())
                .param("email", draft.email()).param("language", draft.language().toLanguageTag())
                .param("template", draft.template()).param("arguments", json.writeValueAsString(draft.arguments()))
                .param("link", draft.link())
                .param("status", (console ? NotificationStatus.SENT : NotificationStatus.PENDING).name())
                .param("now", JdbcTimestamps.toColumn(now)).param("sentAt", console ? JdbcTimestamps.toColumn(now) : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void thread(long id, EmailThread thread) {
        jdbc.sql("""
                UPDATE notification SET message_id = :messageId, in_reply_to = :inReplyTo, references_ids = :references,
                                        auto_submitted = :automatic, cc = :cc
                 WHERE id = :id
                """)
                .param("messageId", thread.messageId()).param("inReplyTo", thread.inReplyTo())
                .param("references", thread.references().isEmpty() ? null : String.join(" ", thread.references()))
                .param("cc", thread.cc().isEmpty() ? null : String.join(",", thread.cc()))
                .param("automatic", thread.automatic()).param("id", id).update();
    }

    /** The thread of an email of a conversation; none for other notifications. */
    public Optional<EmailThread> thread(long id) {
        return jdbc.sql("SELECT message_id, in_reply_to, references_ids, auto_submitted, cc FROM notification"
                        + " WHERE id = :id AND message_id IS NOT NULL")
                .param("id", id)
                .query((rs, row) -> new EmailThread(rs.getString("message_id"), rs.getString("in_reply_to"),
                        rs.getString("references_ids") == null ? List.of()
                                : List.of(rs.getString("references_ids").split(" ")),
                        rs.getBoolean("auto_submitted"),
                        rs.getString("cc") == null ? List.of() : List.of(rs.getString("cc").split(","))))
                .optional();
    }

    /**
     * Claims up to {@code limit} emails due by {@code now}: their rows are locked, skipping those another dispatcher
     * holds, and marked SENDING with one more attempt counted. The caller commits before sending, so that a message
     * is handed over once even if the claiming instance dies. An email of a conversation still SENDING
     * {@code resendAfter} after its claim (its dispatcher died during the hand-over) is claimed again: it goes out with
     * the same Message-ID, so the receiver sees one message even if the first hand-over reached it.
     */
    public List<Notification> claimDue(Instant now, int limit, Duration resendAfter) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM notification
                 WHERE (status = 'PENDING' AND next_attempt_at <= :now)
                    OR (status = 'SENDING' AND message_id IS NOT NULL AND claimed_at <= :abandoned)
                 ORDER BY next_attempt_at, id
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED
                """)
                .param("now", JdbcTimestamps.toColumn(now)).param("limit", limit)
                .param("abandoned", JdbcTimestamps.toColumn(now.minus(resendAfter)))
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE notification SET status = 'SENDING', attempts = attempts + 1, claimed_at = :now WHERE id IN (:ids)")
                .param("now", JdbcTimestamps.toColumn(now)).param("ids", ids).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids).query(this::notification).list();
    }

    public void sent(long id, Instant at) {
        jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = :at, last_error = NULL WHERE id = :id")
                .param("at", JdbcTimestamps.toColumn(at)).param("id", id).update();
    }

    /** A failed attempt: tried again at {@code retryAt}, or given up (FAILED) when {@code retryAt} is null. */
    public void failed(long id, String error, Instant retryAt) {
        String reason = error == null ? "" : error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
        jdbc.sql("""
                UPDATE notification SET status = :status, last_error = :error,
                                        next_attempt_at = COALESCE(:retryAt, next_attempt_at)
                 WHERE id = :id
                """)
                .param("status", (retryAt == null ? NotificationStatus.FAILED : NotificationStatus.PENDING).name())
                .param("error", reason).param("retryAt", JdbcTimestamps.toColumn(retryAt)).param("id", id).update();
    }

    public Optional<Notification> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = :id").param("id", id)
                .query(this::notification).optional();
    }

    /** The account's console notifications, newest first. */
    public List<Notification> inbox(String account, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE channel = 'CONSOLE' AND recipient_account = :account"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("account", account).param("limit", limit).query(this::notification).list();
    }

    public int unread(String account) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE channel = 'CONSOLE' AND recipient_account = :account"
                        + " AND read_at IS NULL")
                .param("account", account).query(Integer.class).single();
    }

    /** Marks the account's notification read (or all of its unread ones, {@code id} null); returns how many. */
    public int markRead(String account, Long id, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE channel = 'CONSOLE' AND recipient_account = :account"
                        + " AND read_at IS NULL AND (CAST(:id AS BIGINT) IS NULL OR id = :id)")
                .param("at", JdbcTimestamps.toColumn(at)).param("account", account).param("id", id).update();
    }

    private Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), NotificationChannel.valueOf(rs.getString("channel")),
                rs.getString("recipient_account"), rs.getString("recipient_email"),
                Locale.forLanguageTag(rs.getString("language")), rs.getString("template"),
                json.readValue(rs.getString("arguments"), TEXTS), rs.getString("link"),
                NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                JdbcTimestamps.read(rs, "next_attempt_at"), rs.getString("last_error"),
                JdbcTimestamps.read(rs, "created_at"), JdbcTimestamps.read(rs, "sent_at"),
                JdbcTimestamps.read(rs, "read_at"));
    }
}
