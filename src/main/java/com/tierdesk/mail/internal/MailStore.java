package com.tierdesk.mail.internal;

import com.tierdesk.mail.MailAttachment;
import com.tierdesk.mail.TriageMail;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.ticket.Attachment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The mail module's tables: messages by Message-ID with the ticket message each became, and their attachments. */
@Repository
public class MailStore {

    public static final String IN = "IN";
    public static final String OUT = "OUT";
    /** Where agents download an attachment of received mail, by its id. */
    public static final String DOWNLOAD = "/api/v1/mail/attachments/";

    private final JdbcClient jdbc;

    MailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a received message; a second one with the same Message-ID fails on the unique key (waiting for a
     * concurrent first one to commit), so each message is taken once.
     */
    public long claim(ParsedMail mail, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO mail_message (message_id, direction, sender, sender_name, cc, subject, body, quoted,
                                                  html, automatic, received_at)
                        VALUES (:messageId, 'IN', :sender, :senderName, :cc, :subject, :body, :quoted, :html, :automatic,
                                :at)""")
                .param("cc", MailParser.ccHeader(mail.cc()))
                .param("messageId", mail.messageId()).param("sender", cut(mail.sender(), 254))
                .param("senderName", cut(mail.senderName(), 200)).param("subject", cut(mail.subject(), 998))
                .param("body", mail.body())
                .param("quoted", mail.quoted()).param("html", mail.html()).param("automatic", mail.automatic())
                .param("at", JdbcTimestamps.toColumn(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Records a message TierDesk sends for a ticket, before it is handed over. */
    public void sent(String messageId, long ticket, String subject, Instant at) {
        jdbc.sql("""
                        INSERT INTO mail_message (message_id, direction, ticket_id, subject, received_at)
                        VALUES (?, 'OUT', ?, ?, ?)""")
                .params(messageId, ticket, subject, JdbcTimestamps.toColumn(at)).update();
    }

    public long attach(long mail, ParsedMail.Part part) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO mail_attachment (mail_id, name, content_type, size, content) VALUES (?, ?, ?, ?, ?)")
                .params(mail, cut(part.name(), 255), cut(part.contentType(), 255), part.content().length, part.content())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The ticket of the newest of these messages that TierDesk knows. */
    public OptionalLong ticketOf(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return OptionalLong.empty();
        }
        return jdbc.sql("""
                        SELECT ticket_id FROM mail_message WHERE message_id IN (:ids) AND ticket_id IS NOT NULL
                        ORDER BY received_at DESC, id DESC LIMIT 1""")
                .param("ids", messageIds).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** The Message-IDs of a ticket's mail, received and sent, oldest first. */
    public List<String> messageIds(long ticket) {
        return jdbc.sql("SELECT message_id FROM mail_message WHERE ticket_id = ? ORDER BY received_at, id")
                .param(ticket).query(String.class).list();
    }

    /** The Message-ID of the customer's latest mail to a ticket that a person wrote. */
    public Optional<String> lastReceived(long ticket) {
        return jdbc.sql("""
                        SELECT message_id FROM mail_message WHERE ticket_id = ? AND direction = 'IN' AND automatic IS NULL
                        ORDER BY received_at DESC, id DESC LIMIT 1""")
                .param(ticket).query(String.class).optional();
    }

    /** Joins a received message to its ticket, and to the ticket message it became (none for a note about it). */
    public void link(long mail, long ticket, Long message) {
        jdbc.sql("UPDATE mail_message SET ticket_id = ?, ticket_message_id = ?, triage = FALSE WHERE id = ?")
                .params(ticket, message, mail).update();
    }

    /** A received message as its sender wrote it, by the ticket message it became. */
    public record Original(long mail, long message, String body, String quoted, String html) {
    }

    /** The ticket's received messages that became a ticket message, oldest first. */
    public List<Original> originals(long ticket) {
        return jdbc.sql("""
                        SELECT id, ticket_message_id, body, quoted, html FROM mail_message
                         WHERE ticket_id = ? AND direction = 'IN' AND ticket_message_id IS NOT NULL
                         ORDER BY received_at, id""")
                .param(ticket)
                .query((rs, row) -> new Original(rs.getLong("id"), rs.getLong("ticket_message_id"),
                        rs.getString("body"), rs.getString("quoted"), rs.getString("html")))
                .list();
    }

    /** The attachments of these messages by message, without their content, each message's in order. */
    public Map<Long, List<Attachment>> attachmentsOf(Collection<Long> mails) {
        var found = new HashMap<Long, List<Attachment>>();
        if (mails.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT id, mail_id, name, content_type, size FROM mail_attachment WHERE mail_id IN (:mails) ORDER BY id")
                .param("mails", mails)
                .query(rs -> {
                    found.computeIfAbsent(rs.getLong("mail_id"), mail -> new ArrayList<>()).add(new Attachment(
                            rs.getString("name"), rs.getLong("size"), rs.getString("content_type"),
                            DOWNLOAD + rs.getLong("id")));
                });
        return found;
    }

    public void toTriage(long mail) {
        jdbc.sql("UPDATE mail_message SET triage = TRUE WHERE id = ?").param(mail).update();
    }

    public List<TriageMail> triage() {
        return jdbc.sql("""
                        SELECT m.id, m.sender, m.sender_name, m.subject, m.body, m.received_at,
                               (SELECT COUNT(*) FROM mail_attachment a WHERE a.mail_id = m.id) AS attachments
                        FROM mail_message m WHERE m.triage = TRUE ORDER BY m.received_at, m.id""")
                .query((rs, row) -> new TriageMail(rs.getLong("id"), rs.getString("sender"), rs.getString("sender_name"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attachments"),
                        JdbcTimestamps.read(rs, "received_at")))
                .list();
    }

    /** A message waiting in triage, locked so that two agents linking it at once make one ticket. */
    public Optional<TriageMail> lockTriage(long mail) {
        return jdbc.sql("""
                        SELECT m.id, m.sender, m.sender_name, m.subject, m.body, m.received_at
                        FROM mail_message m WHERE m.id = ? AND m.triage = TRUE FOR UPDATE""")
                .param(mail)
                .query((rs, row) -> new TriageMail(rs.getLong("id"), rs.getString("sender"), rs.getString("sender_name"),
                        rs.getString("subject"), rs.getString("body"), 0, JdbcTimestamps.read(rs, "received_at")))
                .optional();
    }

    /** The CC addresses of a received message. */
    public List<ParsedMail.Copied> cc(long mail) {
        return MailParser.cc(jdbc.sql("SELECT cc FROM mail_message WHERE id = ?").param(mail).query(String.class)
                .single());
    }

    public List<MailAttachment> attachments(long mail) {
        return jdbc.sql("SELECT id, name, content_type, content FROM mail_attachment WHERE mail_id = ? ORDER BY id")
                .param(mail)
                .query((rs, row) -> new MailAttachment(rs.getLong("id"), rs.getString("name"),
                        rs.getString("content_type"), rs.getBytes("content")))
                .list();
    }

    public Optional<MailAttachment> attachment(long id) {
        return jdbc.sql("SELECT id, name, content_type, content FROM mail_attachment WHERE id = ?")
                .param(id)
                .query((rs, row) -> new MailAttachment(rs.getLong("id"), rs.getString("name"),
                        rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** Header values are unbounded; the columns keep their first characters. */
    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
