package com.tierdesk.security;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People at work: their teams, skills and daily cap, their presence, and who can be given a ticket now. Assignment
 * asks here for the available agents with a skill, the senior support group and the supervisors.
 */
@Service
public class People {

    private static final List<String> WORKING_ROLES = Arrays.stream(Role.values()).filter(Role::worksTickets)
            .map(Role::name).toList();
    private static final String STATE = """
            SELECT username, presence, presence_since, email, language, password_change_required FROM user_account
            """;
    private static final String MEMBER = """
            SELECT a.username, a.display_name, a.role, a.presence, COALESCE(a.daily_cap, :defaultCap) AS cap
            FROM user_account a WHERE a.enabled AND a.kind = 'PERSON'
            """;

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AccountStaffing staffing;
    private final AuditLog audit;
    private final BusinessTime time;
    private final PeopleSettings settings;

    People(JdbcClient jdbc, UserAccounts accounts, AccountStaffing staffing, AuditLog audit, BusinessTime time,
           PeopleSettings settings) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.staffing = staffing;
        this.audit = audit;
        this.time = time;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public Optional<AccountProfile> profile(String username) {
        return accounts.find(username).map(this::profile);
    }

    /** Every account with its staffing and presence, read with a handful of queries whatever the number of accounts. */
    @Transactional(readOnly = true)
    public List<AccountProfile> profiles() {
        Map<String, Staffing> deployed = staffing.readAll();
        Map<String, AccountState> states = jdbc.sql(STATE).query(People::state).list().stream()
                .collect(Collectors.toMap(AccountState::username, Function.identity()));
        return accounts.list().stream()
                .map(account -> profile(account, deployed.get(account.username()), states.get(account.username())))
                .toList();
    }

    /** The person's presence now; empty for an unknown account. */
    @Transactional(readOnly = true)
    public Optional<Presence> presence(String username) {
        return state(username).map(AccountState::presence);
    }

    /**
     * How to reach each of these people who is enabled and has an email address, by username; the others are left
     * out (they have the console bell only).
     */
    @Transactional(readOnly = true)
    public Map<String, Contact> emailContacts(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT username, email, language FROM user_account
                 WHERE username IN (:usernames) AND enabled AND kind = 'PERSON' AND email IS NOT NULL
                """).param("usernames", usernames)
                .query((rs, row) -> Map.entry(rs.getString("username"), UserAccounts.contact(rs, row))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The languages the service desk speaks with customers ({@code tierdesk.people.languages}), as codes. */
    public List<String> languages() {
        return settings.languages();
    }

    private Optional<AccountState> state(String username) {
        return jdbc.sql(STATE + "WHERE username = :username").param("username", username).query(People::state).optional();
    }

    private AccountProfile profile(UserAccount account) {
        return profile(account, staffing.read(account.username()), state(account.username()).orElseThrow());
    }

    private AccountProfile profile(UserAccount account, Staffing deployed, AccountState state) {
        return new AccountProfile(account, deployed, capOf(deployed), deployed.dailyCap() != null, state.presence(),
                state.since(), state.contact(), state.passwordChangeRequired());
    }

    private record AccountState(String username, Presence presence, Instant since, Contact contact,
                                boolean passwordChangeRequired) {
    }

    private static AccountState state(ResultSet rs, int row) throws SQLException {
        return new AccountState(rs.getString("username"), Presence.valueOf(rs.getString("presence")),
                JdbcTimestamps.read(rs, "presence_since"), UserAccounts.contact(rs, row),
                rs.getBoolean("password_change_required"));
    }

    private int capOf(Staffing deployed) {
        return deployed.dailyCap() == null ? settings.dailyCap() : deployed.dailyCap();
    }

    /**
     * Changes an account: its role or whether it is enabled ({@link UserAccounts#change}), and a person's teams, skills
     * and daily cap, email address and language, each audited; all or nothing.
     *
     * @throws InvalidInput when a value breaks a rule or nothing is to change; {@link NotFound} for an unknown account;
     *                      {@link Conflict} when {@code by} changes their own role or whether it is enabled, or when
     *                      another account has the email address
     */
    @Transactional
    public AccountProfile change(String username, Role role, Boolean enabled, StaffingChange change,
                                 ContactChange contact, String by) {
        if (role == null && enabled == null && change.isEmpty() && contact.isEmpty()) {
            throw InvalidInput.of(null, "problem.account.nothing-to-change-person");
        }
        if (change.defaultCap() && change.dailyCap() != null) {
            throw InvalidInput.of("defaultCap", "problem.account.cap-and-default");
        }
        UserAccount account = accounts.find(username).orElseThrow(() -> new NotFound("name", "problem.no-account", username));
        if (role != null || enabled != null) {
            account = accounts.change(username, role, enabled, by);
        }
        if (!change.isEmpty()) {
            changeStaffing(account, change, by);
        }
        if (!contact.isEmpty()) {
            accounts.changeContact(account, contact, by);
        }
        return profile(account);
    }

    private void changeStaffing(UserAccount account, StaffingChange change, String by) {
        if (account.kind() != AccountKind.PERSON) {
            throw new Conflict("name", "problem.account.staffing-service", account.username());
        }
        Staffing before = staffing.read(account.username());
        Staffing after = change.applyTo(before);
        var problems = staffing.problems(after);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!before.equals(after)) {
            staffing.replace(account.username(), after);
            audit.record(by, "ACCOUNT_STAFFING_CHANGED", "account:" + account.username(), before + " -> " + after);
        }
    }

    /**
     * Sets a person's presence, as they do themselves from the console or the API.
     *
     * @throws Conflict for a service account, which is never at work
     */
    @Transactional
    public Presence changePresence(String username, Presence presence) {
        UserAccount account = accounts.find(username).orElseThrow(() -> new NotFound("name", "problem.no-account", username));
        if (account.kind() != AccountKind.PERSON) {
            throw new Conflict("presence", "problem.account.presence-service", username);
        }
        setPresence(username, presence);
        return presence;
    }

    /** A person has signed in: they are available until they say otherwise. */
    @Transactional
    public void signedIn(String username) {
        setPresence(username, Presence.AVAILABLE);
    }

    /** A person's session has ended, by signing out or by expiring. */
    @Transactional
    public void signedOut(String username) {
        setPresence(username, Presence.SIGNED_OUT);
    }

    private void setPresence(String username, Presence presence) {
        jdbc.sql("""
                UPDATE user_account SET presence = :presence, presence_since = :since
                WHERE username = :username AND kind = 'PERSON' AND presence <> :presence
                """)
                .param("presence", presence.name()).param("since", JdbcTimestamps.toColumn(time.now()))
                .param("username", username).update();
    }

    /**
     * Enabled people available now who handle the ticket type, and the language when one is given, with their caps;
     * in name order, for assignment to pick the least loaded under their cap.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> availableWith(String ticketType, String language) {
        String sql = MEMBER + """
                AND a.presence = 'AVAILABLE' AND a.role IN (:roles)
                AND EXISTS (SELECT 1 FROM account_skill s WHERE s.username = a.username AND s.kind = 'TICKET_TYPE' AND s.code = :type)
                """;
        if (language != null) {
            sql += "AND EXISTS (SELECT 1 FROM account_skill s WHERE s.username = a.username AND s.kind = 'LANGUAGE' AND s.code = :language)\n";
        }
        var statement = jdbc.sql(sql + "ORDER BY a.username")
                .param("defaultCap", settings.dailyCap()).param("roles", WORKING_ROLES).param("type", ticketType);
        if (language != null) {
            statement = statement.param("language", language);
        }
        return statement.query(People::member).list();
    }

    /** The cap of a person without one of their own. */
    public int defaultDailyCap() {
        return settings.dailyCap();
    }

    /** The ticket types a person can be skilled in. */
    public List<String> ticketTypes() {
        return staffing.ticketTypes();
    }

    /** Whether anyone who works tickets is signed in now (available or away). */
    @Transactional(readOnly = true)
    public boolean agentsOnline() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM user_account
                WHERE enabled AND kind = 'PERSON' AND presence <> 'SIGNED_OUT' AND role IN (:roles)
                """).param("roles", WORKING_ROLES).query(Long.class).single() > 0;
    }

    /** Whether anyone who works tickets is available now, as a live chat needs for its 30-second first reply. */
    @Transactional(readOnly = true)
    public boolean anyAgentAvailable() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM user_account
                WHERE enabled AND kind = 'PERSON' AND presence = 'AVAILABLE' AND role IN (:roles)
                """).param("roles", WORKING_ROLES).query(Long.class).single() > 0;
    }

    /** Enabled people of the team available now, with their caps, in name order. */
    @Transactional(readOnly = true)
    public List<StaffMember> availableInTeam(String team) {
        return jdbc.sql(MEMBER + """
                AND a.presence = 'AVAILABLE' AND a.role IN (:roles)
                AND EXISTS (SELECT 1 FROM account_team t WHERE t.username = a.username AND t.team = :team)
                ORDER BY a.username
                """).param("defaultCap", settings.dailyCap()).param("roles", WORKING_ROLES).param("team", team)
                .query(People::member).list();
    }

    /** The senior support group: enabled senior agents, whatever their presence, in name order. */
    @Transactional(readOnly = true)
    public List<StaffMember> seniorSupport() {
        return withRole(Role.SENIOR_AGENT);
    }

    /** Enabled supervisors, whatever their presence, in name order. */
    @Transactional(readOnly = true)
    public List<StaffMember> supervisors() {
        return withRole(Role.SUPERVISOR);
    }

    private List<StaffMember> withRole(Role role) {
        return jdbc.sql(MEMBER + "AND a.role = :role ORDER BY a.username")
                .param("defaultCap", settings.dailyCap()).param("role", role.name())
                .query(People::member).list();
    }

    private static StaffMember member(ResultSet rs, int row) throws SQLException {
        return new StaffMember(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                Presence.valueOf(rs.getString("presence")), rs.getInt("cap"));
    }
}
