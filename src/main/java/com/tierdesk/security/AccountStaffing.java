package com.tierdesk.security;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.TextRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rules of a person's staffing, and its rows: teams in {@code account_team}, skills in {@code account_skill}. */
@Component
class AccountStaffing {

    static final int MIN_CAP = 0;
    static final int MAX_CAP = 1000;
    private static final int MAX_ITEMS = 20;
    private static final int TEAM_LENGTH = 60;

    private final JdbcClient jdbc;
    private final ObjectProvider<TicketTypeCatalog> ticketTypes;
    private final PeopleSettings settings;

    AccountStaffing(JdbcClient jdbc, ObjectProvider<TicketTypeCatalog> ticketTypes, PeopleSettings settings) {
        this.jdbc = jdbc;
        this.ticketTypes = ticketTypes;
        this.settings = settings;
    }

    List<FieldProblem> problems(Staffing staffing) {
        var problems = new ArrayList<FieldProblem>();
        limit(problems, "teams", staffing.teams());
        limit(problems, "skills.ticketTypes", staffing.skills().ticketTypes());
        limit(problems, "skills.languages", staffing.skills().languages());
        staffing.teams().forEach(team -> TextRules.requiredLine(team, TEAM_LENGTH)
                .ifPresent(reason -> problems.add(new FieldProblem("teams", reason))));
        List<String> known = ticketTypes();
        staffing.skills().ticketTypes().stream().filter(type -> !known.contains(type)).findFirst()
                .ifPresent(type -> problems.add(FieldProblem.of("skills.ticketTypes", "problem.one-of", String.join(", ", known))));
        staffing.skills().languages().stream().filter(language -> !settings.languages().contains(language)).findFirst()
                .ifPresent(language -> problems.add(FieldProblem.of("skills.languages", "problem.one-of",
                        String.join(", ", settings.languages()))));
        Integer cap = staffing.dailyCap();
        if (cap != null && (cap < MIN_CAP || cap > MAX_CAP)) {
            problems.add(FieldProblem.of("dailyCap", "problem.between", MIN_CAP, MAX_CAP));
        }
        return problems;
    }

    List<String> ticketTypes() {
        return ticketTypes.getIfAvailable(() -> List::of).codes();
    }

    private static void limit(List<FieldProblem> problems, String field, Collection<String> values) {
        if (values.size() > MAX_ITEMS) {
            problems.add(FieldProblem.of(field, "problem.too-many", values.size(), MAX_ITEMS));
        }
    }

    /** Replaces the account's teams, skills and cap with these; the caller has checked them. */
    void replace(String username, Staffing staffing) {
        jdbc.sql("DELETE FROM account_team WHERE username = :username").param("username", username).update();
        jdbc.sql("DELETE FROM account_skill WHERE username = :username").param("username", username).update();
        for (String team : staffing.teams()) {
            jdbc.sql("INSERT INTO account_team (username, team) VALUES (:username, :team)")
                    .param("username", username).param("team", team.strip()).update();
        }
        insertSkills(username, "TICKET_TYPE", staffing.skills().ticketTypes());
        insertSkills(username, "LANGUAGE", staffing.skills().languages());
        jdbc.sql("UPDATE user_account SET daily_cap = :cap WHERE username = :username")
                .param("cap", staffing.dailyCap()).param("username", username).update();
    }

    private void insertSkills(String username, String kind, Set<String> codes) {
        for (String code : codes) {
            jdbc.sql("INSERT INTO account_skill (username, kind, code) VALUES (:username, :kind, :code)")
                    .param("username", username).param("kind", kind).param("code", code).update();
        }
    }

    Staffing read(String username) {
        List<String> teams = jdbc.sql("SELECT team FROM account_team WHERE username = :username ORDER BY team")
                .param("username", username).query(String.class).list();
        Set<String> types = skills(username, "TICKET_TYPE");
        Set<String> languages = skills(username, "LANGUAGE");
        Integer cap = jdbc.sql("SELECT daily_cap FROM user_account WHERE username = :username")
                .param("username", username).query((rs, row) -> (Integer) rs.getObject("daily_cap")).optional().orElse(null);
        return new Staffing(Set.copyOf(teams), new Skills(types, languages), cap);
    }

    /** Every account's staffing, by username, in four queries. */
    Map<String, Staffing> readAll() {
        Map<String, Set<String>> teams = grouped("SELECT username, team AS item FROM account_team");
        Map<String, Set<String>> types = grouped("SELECT username, code AS item FROM account_skill WHERE kind = 'TICKET_TYPE'");
        Map<String, Set<String>> languages = grouped("SELECT username, code AS item FROM account_skill WHERE kind = 'LANGUAGE'");
        Map<String, Staffing> all = new HashMap<>();
        jdbc.sql("SELECT username, daily_cap FROM user_account").query(rs -> {
            String username = rs.getString("username");
            all.put(username, new Staffing(teams.get(username), new Skills(types.get(username), languages.get(username)),
                    (Integer) rs.getObject("daily_cap")));
        });
        return all;
    }

    private Map<String, Set<String>> grouped(String sql) {
        Map<String, Set<String>> grouped = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            grouped.computeIfAbsent(rs.getString("username"), username -> new HashSet<>()).add(rs.getString("item"));
        });
        return grouped;
    }

    private Set<String> skills(String username, String kind) {
        return Set.copyOf(jdbc.sql("SELECT code FROM account_skill WHERE username = :username AND kind = :kind")
                .param("username", username).param("kind", kind).query(String.class).list());
    }
}
