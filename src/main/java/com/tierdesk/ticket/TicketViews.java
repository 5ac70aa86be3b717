package com.tierdesk.ticket;

import com.tierdesk.customer.PageSpec;
import com.tierdesk.security.AccountProfile;
import com.tierdesk.security.People;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.TextRules;
import com.tierdesk.sla.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views of the open tickets. Each person sees their own views and those shared with their teams; a view is
 * renamed or deleted by its owner, or by a supervisor when it is shared. A view lists what its reader may see of the
 * queues: a supervisor every ticket it names; anyone else the unassigned tickets of an unassigned view, otherwise only
 * their own tickets among those the view names.
 */
@Service
@Transactional(readOnly = true)
public class TicketViews {

    static final int MAX_NAME = 100;
    private static final String COLUMNS = "id, name, owner, team, assignee, unassigned, tier, type, status, channel, "
            + "risk, sort";

    private final JdbcClient jdbc;
    private final People people;
    private final Tickets tickets;
    private final BusinessTime time;

    TicketViews(JdbcClient jdbc, People people, Tickets tickets, BusinessTime time) {
        this.jdbc = jdbc;
        this.people = people;
        this.tickets = tickets;
        this.time = time;
    }

    /** The reader's own views and those shared with their teams, by name. */
    public List<TicketView> visible(String reader) {
        Set<String> teams = teams(reader);
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket_view WHERE owner = :reader"
                        + (teams.isEmpty() ? "" : " OR team IN (:teams)") + " ORDER BY name, id")
                .param("reader", reader).param("teams", teams.isEmpty() ? List.of("") : teams)
                .query(TicketViews::view).list();
    }

    /** A view the reader sees; any other is {@link NotFound}, so that nobody learns of views they do not see. */
    public TicketView get(long id, String reader) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket_view WHERE id = :id").param("id", id)
                .query(TicketViews::view).optional()
                .filter(view -> view.owner().equals(reader) || view.shared() && teams(reader).contains(view.team()))
                .orElseThrow(() -> new NotFound("id", "problem.ticket.view.unknown", id));
    }

    /** Saves a view owned by {@code owner}, shared with {@code draft.team()} when it names one of the owner's teams. */
    @Transactional
    public TicketView create(TicketViewDraft draft, String owner) {
        var problems = new ArrayList<FieldProblem>();
        String name = TicketRules.strip(draft.name());
        TextRules.requiredLine(draft.name(), MAX_NAME).ifPresent(reason -> problems.add(new FieldProblem("name",
                reason)));
        String team = TicketRules.strip(draft.team());
        if (team != null && !teams(owner).contains(team)) {
            problems.add(FieldProblem.of("team", "problem.ticket.view.not-your-team", ApiProblems.echo(team)));
        }
        String assignee = TicketRules.strip(draft.assignee());
        TicketRules.assignee(assignee).ifPresent(reason -> problems.add(new FieldProblem("assignee", reason)));
        if (assignee != null && draft.unassigned()) {
            problems.add(FieldProblem.of("assignee", "problem.ticket.view.assignee-and-unassigned"));
        }
        if (draft.status() != null && !draft.status().open()) {
            problems.add(FieldProblem.of("status", "problem.ticket.view.status-not-open", draft.status()));
        }
        String tier = TicketRules.strip(draft.tier());
        TextRules.line(tier, 32).ifPresent(reason -> problems.add(new FieldProblem("tier", reason)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        TicketView.Sort sort = draft.sort() == null ? TicketView.Sort.DUE : draft.sort();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket_view (name, owner, team, assignee, unassigned, tier, type, status, channel, risk,
                                         sort, created_at)
                VALUES (:name, :owner, :team, :assignee, :unassigned, :tier, :type, :status, :channel, :risk, :sort,
                        :at)
                """).param("name", name).param("owner", owner).param("team", team).param("assignee", assignee)
                .param("unassigned", draft.unassigned()).param("tier", tier).param("type", name(draft.type()))
                .param("status", name(draft.status())).param("channel", name(draft.channel()))
                .param("risk", name(draft.risk())).param("sort", sort.name())
                .param("at", JdbcTimestamps.toColumn(time.now())).update(keys, "id");
        return get(keys.getKey().longValue(), owner);
    }

    /** Renames a view: its owner may, and a supervisor may rename a shared one. */
    @Transactional
    public TicketView rename(long id, String name, String actor, boolean supervisor) {
        TicketView view = changeable(id, actor, supervisor);
        TextRules.requiredLine(name, MAX_NAME).ifPresent(reason -> {
            throw new InvalidInput(List.of(new FieldProblem("name", reason)));
        });
        jdbc.sql("UPDATE ticket_view SET name = :name WHERE id = :id").param("name", name.strip()).param("id", id)
                .update();
        return get(id, actor.equals(view.owner()) ? actor : view.owner());
    }

    /** Deletes a view: its owner may, and a supervisor may delete a shared one. */
    @Transactional
    public void delete(long id, String actor, boolean supervisor) {
        changeable(id, actor, supervisor);
        jdbc.sql("DELETE FROM ticket_view WHERE id = :id").param("id", id).update();
    }

    /** The queue search a view stands for when {@code reader} opens it (see the class comment). */
    public QueueSearch search(TicketView view, String reader, boolean supervisor, PageSpec page) {
        String assignee = supervisor ? view.assignee() : view.unassigned() ? null : reader;
        return new QueueSearch(assignee, view.unassigned(), view.tier(), view.type(), view.status(), view.channel(),
                view.risk(), page, view.sort() == TicketView.Sort.DUE_LAST);
    }

    /** How many open tickets each of the views lists for the reader, up to the queues' count limit, by view id. */
    public Map<Long, QueueCount> counts(List<TicketView> views, String reader, boolean supervisor) {
        var counts = new LinkedHashMap<Long, QueueCount>();
        for (TicketView view : views) {
            counts.put(view.id(), tickets.count(search(view, reader, supervisor, PageSpec.first(1))));
        }
        return counts;
    }

    private TicketView changeable(long id, String actor, boolean supervisor) {
        TicketView view = jdbc.sql("SELECT " + COLUMNS + " FROM ticket_view WHERE id = :id").param("id", id)
                .query(TicketViews::view).optional()
                .orElseThrow(() -> new NotFound("id", "problem.ticket.view.unknown", id));
        if (!view.owner().equals(actor) && !(supervisor && view.shared())) {
            if (!view.shared() || !teams(actor).contains(view.team())) {
                throw new NotFound("id", "problem.ticket.view.unknown", id);
            }
            throw new AccessDeniedException("only the owner or a supervisor changes a shared view");
        }
        return view;
    }

    private Set<String> teams(String username) {
        return people.profile(username).map(AccountProfile::staffing).map(staffing -> staffing.teams())
                .orElse(Set.of());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static TicketView view(ResultSet rs, int row) throws SQLException {
        return new TicketView(rs.getLong("id"), rs.getString("name"), rs.getString("owner"), rs.getString("team"),
                rs.getString("assignee"), rs.getBoolean("unassigned"), rs.getString("tier"),
                parse(TicketType::valueOf, rs.getString("type")), parse(TicketStatus::valueOf, rs.getString("status")),
                parse(IntakeChannel::valueOf, rs.getString("channel")), parse(SlaRisk::valueOf, rs.getString("risk")),
                TicketView.Sort.valueOf(rs.getString("sort")));
    }

    private static <E> E parse(Function<String, E> valueOf, String stored) {
        return stored == null ? null : valueOf.apply(stored);
    }
}
