package com.tierdesk.security;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts: people, whose passwords are kept only as adaptive (BCrypt) hashes, and service accounts for
 * integrations, which have no password. An administrator creates service accounts, changes roles and disables
 * accounts; every such change is audited.
 */
@Service
public class UserAccounts {

    /** Letters, digits and {@code . _ @ -}: no spaces, no colon (migrated token accounts are {@code token:<prefix>}). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    private static final int DISPLAY_NAME_LENGTH = 100;
    private static final int MIN_PASSWORD_LENGTH = 8;
    private static final String COLUMNS = "username, display_name, role, kind, enabled, created_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final BusinessTime time;
    private final AccountStaffing staffing;
    private final SecureRandom random = new SecureRandom();

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, BusinessTime time, AccountStaffing staffing) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.time = time;
        this.staffing = staffing;
    }

    /**
     * Creates an enabled account for a person.
     *
     * @throws InvalidInput when a value breaks a rule; {@link Conflict} when the username is taken; nothing is written then
     */
    @Transactional
    public UserAccount create(String username, String displayName, String rawPassword, Role role) {
        List<FieldProblem> problems = problems("username", username, displayName, role);
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            problems.add(FieldProblem.of("password", "problem.account.password-short", MIN_PASSWORD_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return insert("username", new UserAccount(username, displayName.strip(), role, AccountKind.PERSON, true, time.now()),
                passwords.encode(rawPassword));
    }

    /**
     * Creates an enabled account for a person, as an administrator does, with a one-time password to hand over: it is
     * returned this once and kept only as a hash.
     *
     * @throws InvalidInput when a value breaks a rule; {@link Conflict} when the username is taken; nothing is written then
     */
    @Transactional
    public PasswordIssued createPerson(String username, String displayName, Role role, Staffing deployed, String by) {
        List<FieldProblem> problems = problems("username", username, displayName, role);
        problems.addAll(staffing.problems(deployed));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String password = oneTimePassword();
        UserAccount account = insert("username", new UserAccount(username, displayName.strip(), role, AccountKind.PERSON, true,
                time.now()), passwords.encode(password));
        staffing.replace(username, deployed);
        audit.record(by, "ACCOUNT_CREATED", subject(username), "role=" + role + ", " + deployed);
        return new PasswordIssued(account, password);
    }

    /**
     * Gives a person a new one-time password, returned this once; the old one stops working at once.
     *
     * @throws NotFound for an unknown account; {@link Conflict} for a service account, which has no password, or when
     *                  {@code by} resets their own
     */
    @Transactional
    public PasswordIssued resetPassword(String username, String by) {
        UserAccount account = find(username).orElseThrow(() -> new NotFound("name", "problem.no-account", username));
        if (account.kind() != AccountKind.PERSON) {
            throw new Conflict("name", "problem.account.no-password", username);
        }
        if (account.username().equals(by)) {
            throw new Conflict("name", "problem.account.own");
        }
        String password = oneTimePassword();
        jdbc.sql("UPDATE user_account SET password_hash = :hash WHERE username = :username")
                .param("hash", passwords.encode(password)).param("username", username).update();
        audit.record(by, "ACCOUNT_PASSWORD_RESET", subject(username), null);
        return new PasswordIssued(account, password);
    }

    private String oneTimePassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Creates an enabled service account for an integration: it has no password, so it never signs in to the
     * console, and acts only through the tokens an administrator issues for it.
     */
    @Transactional
    public UserAccount createServiceAccount(String name, String displayName, Role role, String by) {
        List<FieldProblem> problems = problems("name", name, displayName, role);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        UserAccount account = insert("name", new UserAccount(name, displayName.strip(), role, AccountKind.SERVICE, true,
                time.now()), null);
        audit.record(by, "SERVICE_ACCOUNT_CREATED", subject(name), "role=" + role);
        return account;
    }

    /**
     * Changes an account's role, or disables or enables it ({@code null} leaves a value as it is). Its tokens act at
     * most with the new role, or stop working, from their next request; a disabled account cannot sign in.
     *
     * @throws NotFound for an unknown account; {@link Conflict} when {@code by} changes their own account
     */
    @Transactional
    public UserAccount change(String username, Role role, Boolean enabled, String by) {
        if (role == null && enabled == null) {
            throw InvalidInput.of(null, "problem.account.nothing-to-change");
        }
        UserAccount account = find(username).orElseThrow(() -> new NotFound("name", "problem.no-account", username));
        if (account.username().equals(by)) {
            throw new Conflict("name", "problem.account.own");
        }
        if (role != null && role != account.role()) {
            jdbc.sql("UPDATE user_account SET role = :role WHERE username = :username")
                    .param("role", role.name()).param("username", username).update();
            audit.record(by, "ACCOUNT_ROLE_CHANGED", subject(username), account.role() + " -> " + role);
        }
        if (enabled != null && enabled != account.enabled()) {
            jdbc.sql("UPDATE user_account SET enabled = :enabled WHERE username = :username")
                    .param("enabled", enabled).param("username", username).update();
            audit.record(by, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", subject(username), null);
        }
        return find(username).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE username = :username")
                .param("username", username)
                .query(UserAccounts::account)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account ORDER BY username")
                .query(UserAccounts::account)
                .list();
    }

    @Transactional(readOnly = true)
    public boolean none() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single() == 0;
    }

    private static String subject(String username) {
        return "account:" + username;
    }

    private static List<FieldProblem> problems(String nameField, String name, String displayName, Role role) {
        var problems = new ArrayList<FieldProblem>();
        if (name == null || !USERNAME.matcher(name).matches()) {
            problems.add(FieldProblem.of(nameField, "problem.account.name-format"));
        }
        TextRules.requiredLine(displayName, DISPLAY_NAME_LENGTH).ifPresent(reason -> problems.add(new FieldProblem("displayName", reason)));
        if (role == null) {
            problems.add(FieldProblem.of("role", "problem.required"));
        }
        return problems;
    }

    private UserAccount insert(String nameField, UserAccount account, String passwordHash) {
        if (find(account.username()).isPresent()) {
            throw taken(nameField, account.username());
        }
        try {
            jdbc.sql("""
                    INSERT INTO user_account (username, display_name, password_hash, role, kind, enabled, created_at)
                    VALUES (:username, :displayName, :hash, :role, :kind, TRUE, :createdAt)
                    """)
                    .param("username", account.username())
                    .param("displayName", account.displayName())
                    .param("hash", passwordHash)
                    .param("role", account.role().name())
                    .param("kind", account.kind().name())
                    .param("createdAt", JdbcTimestamps.toColumn(account.createdAt()))
                    .update();
        } catch (DuplicateKeyException raced) {
            throw taken(nameField, account.username());
        }
        return account;
    }

    private static Conflict taken(String field, String username) {
        return new Conflict(field, "problem.account.taken", username);
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                AccountKind.valueOf(rs.getString("kind")), rs.getBoolean("enabled"), JdbcTimestamps.read(rs, "created_at"));
    }
}
