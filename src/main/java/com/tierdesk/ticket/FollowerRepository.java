package com.tierdesk.ticket;

import com.tierdesk.shared.JdbcTimestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of {@code ticket_followers} (an address follows a ticket once, whatever its case) and of
 * {@code ticket_account_followers} (an account follows a ticket once).
 */
@Repository
class FollowerRepository {

    private final JdbcClient jdbc;

    FollowerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ticket's followers in the order they were added. */
    List<Follower> of(TicketId id) {
        return jdbc.sql("""
                        SELECT email, name, source, added_by, added_at FROM ticket_followers WHERE ticket_id = :id
                         ORDER BY added_at, email_key""")
                .param("id", id.value())
                .query((rs, row) -> new Follower(rs.getString("email"), rs.getString("name"),
                        FollowerSource.valueOf(rs.getString("source")), rs.getString("added_by"),
                        JdbcTimestamps.read(rs, "added_at")))
                .list();
    }

    /** Adds the follower unless the address follows the ticket already; true if it was added. */
    boolean add(TicketId id, Follower follower) {
        return jdbc.sql("""
                        INSERT INTO ticket_followers (ticket_id, email_key, email, name, source, added_by, added_at)
                        VALUES (:id, :key, :email, :name, :source, :addedBy, :at) ON CONFLICT DO NOTHING""")
                .param("id", id.value()).param("key", key(follower.email())).param("email", follower.email())
                .param("name", follower.name()).param("source", follower.source().name())
                .param("addedBy", follower.addedBy()).param("at", JdbcTimestamps.toColumn(follower.addedAt()))
                .update() == 1;
    }

    /** Removes the address, in whatever case it is given; false if it did not follow the ticket. */
    boolean remove(TicketId id, String email) {
        return jdbc.sql("DELETE FROM ticket_followers WHERE ticket_id = :id AND email_key = :key")
                .param("id", id.value()).param("key", key(email)).update() == 1;
    }

    static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** The accounts that follow the ticket, by name. */
    List<String> accounts(TicketId id) {
        return jdbc.sql("SELECT account FROM ticket_account_followers WHERE ticket_id = :id ORDER BY account")
                .param("id", id.value()).query(String.class).list();
    }

    /** Makes the account follow the ticket; false if it did already. */
    boolean follow(TicketId id, String account, Instant at) {
        return jdbc.sql("""
                        INSERT INTO ticket_account_followers (ticket_id, account, added_at) VALUES (:id, :account, :at)
                        ON CONFLICT DO NOTHING""")
                .param("id", id.value()).param("account", account).param("at", JdbcTimestamps.toColumn(at))
                .update() == 1;
    }

    /** Stops the account following the ticket; false if it did not. */
    boolean unfollow(TicketId id, String account) {
        return jdbc.sql("DELETE FROM ticket_account_followers WHERE ticket_id = :id AND account = :account")
                .param("id", id.value()).param("account", account).update() == 1;
    }
}
