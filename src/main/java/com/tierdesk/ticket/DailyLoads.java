package com.tierdesk.ticket;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one writer of {@code ticket_daily_load}: how many tickets each person was given on a business day. */
@Repository
class DailyLoads {

    /** A person's load: the open tickets they hold and the tickets given to them on the day. */
    record Load(int openTickets, int assignedToday) {

        static final Load NONE = new Load(0, 0);
    }

    private final JdbcClient jdbc;

    DailyLoads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Load> of(Collection<String> usernames, LocalDate day) {
        var loads = new HashMap<String, Load>();
        if (usernames.isEmpty()) {
            return loads;
        }
        jdbc.sql("""
                SELECT u.username,
                       (SELECT COUNT(*) FROM ticket t
                         WHERE t.assignee = u.username AND t.status NOT IN ('SOLVED', 'CLOSED')) AS open_tickets,
                       COALESCE((SELECT l.assigned FROM ticket_daily_load l
                                  WHERE l.username = u.username AND l.business_day = :day), 0) AS assigned_today
                  FROM (SELECT DISTINCT assignee AS username FROM ticket WHERE assignee IN (:names)
                        UNION SELECT username FROM ticket_daily_load WHERE username IN (:names)) u
                """).param("names", usernames).param("day", day).query(rs -> {
                    loads.put(rs.getString("username"),
                            new Load(rs.getInt("open_tickets"), rs.getInt("assigned_today")));
                });
        return loads;
    }

    /**
     * Takes one of the person's places for the day if they are under the cap: the row's lock makes concurrent takers
     * wait, and the second sees the first's count once it commits.
     *
     * @return the person's count for the day with this ticket, or 0 when they are at the cap
     */
    int take(String username, LocalDate day, int cap) {
        ensureRow(username, day);
        int taken = jdbc.sql("""
                UPDATE ticket_daily_load SET assigned = assigned + 1
                 WHERE username = :username AND business_day = :day AND assigned < :cap
                """).param("username", username).param("day", day).param("cap", cap).update();
        if (taken == 0) {
            return 0;
        }
        return jdbc.sql("SELECT assigned FROM ticket_daily_load WHERE username = :username AND business_day = :day")
                .param("username", username).param("day", day).query(Integer.class).single();
    }

    /** Counts a ticket a person was given by hand: a supervisor may go over the cap, but it is counted. */
    void count(String username, LocalDate day) {
        ensureRow(username, day);
        jdbc.sql("UPDATE ticket_daily_load SET assigned = assigned + 1 "
                        + "WHERE username = :username AND business_day = :day")
                .param("username", username).param("day", day).update();
    }

    private void ensureRow(String username, LocalDate day) {
        jdbc.sql("INSERT INTO ticket_daily_load (username, business_day, assigned) VALUES (:username, :day, 0) "
                        + "ON CONFLICT DO NOTHING")
                .param("username", username).param("day", day).update();
    }
}
