package com.tierdesk.security;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts: people, whose passwords are kept only as adaptive (BCrypt) hashes, and service accounts for
 * integrations, which have no password. An administrator creates service accounts, changes roles and disables
 * accounts; every such change is audited. A person an administrator created, or whose password an administrator
 * reset, must choose a new password at their next console sign-in. A person who stops working tickets (disabled, or
 * given a role that works none) is announced as {@link AccountOffDuty}.
 */
@Service
public class UserAccounts {

    /** Letters, digits and {@code . _ @ -}: no spaces, no colon (migrated token accounts are {@code token:<prefix>}). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    private static final int DISPLAY_NAME_LENGTH = 100;
    private static final int MIN_PASSWORD_LENGTH = 8;
    /** BCrypt reads no further. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final String COLUMNS = "username, display_name, role, kind, enabled, created_at";
    /** The unique index on the lowercase email address (V118_1). */
    private static final String EMAIL_INDEX = "user_account_email_key";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final BusinessTime time;
    private final AccountStaffing staffing;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, BusinessTime time, AccountStaffing staffing,
                 ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.time = time;
        this.staffing = staffing;
        this.events = events;
    }

    /**
     * Creates an enabled account for a person.
     *
     * @throws InvalidInput when a value breaks a rule; {@link Conflict} when the username is taken; nothing is written then
     */
    @Transactional
    public UserAccount create(String username, String displayName, String rawPassword, Role role) {
        List<FieldProblem> problems = problems("username", username, displayName, role);
        passwordRule(rawPassword).ifPresent(reason -> problems.add(new FieldProblem("password", reason)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return insert("username", new UserAccount(username, displayName.strip(), role, AccountKind.PERSON, true, time.now()),
                passwords.encode(rawPassword), Contact.NONE, false);
    }

    /**
     * Creates an enabled account for a person, as an administrator does, with a one-time password to hand over: it is
     * returned this once and kept only as a hash, and the person must choose their own at their first sign-in.
     *
     * @param contact the email address (optional) and the language the person reads (left out: zh-CN)
     * @throws InvalidInput when a value breaks a rule; {@link Conflict} when the username or the email address is
     *                      taken; nothing is written then
     */
    @Transactional
    public PasswordIssued createPerson(String username, String displayName, Role role, Staffing deployed,
                                       ContactChange contact, String by) {
        List<FieldProblem> problems = problems("username", username, displayName, role);
        problems.addAll(staffing.problems(deployed));
        problems.addAll(contactProblems(contact));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Contact reachedAt = applied(Contact.NONE, contact);
        String password = oneTimePassword();
        UserAccount account = insert("username", new UserAccount(username, displayName.strip(), role, AccountKind.PERSON, true,
                time.now()), passwords.encode(password), reachedAt, true);
        staffing.replace(username, deployed);
        audit.record(by, "ACCOUNT_CREATED", subject(username), "role=" + role + ", " + deployed + ", " + reachedAt);
        return new PasswordIssued(account, password);
    }

    /**
     * Gives a person a new one-time password, returned this once; the old one stops working at once, and the person
     * must choose their own at their next sign-in.
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
        jdbc.sql("UPDATE user_account SET password_hash = :hash, password_change_required = TRUE WHERE username = :username")
                .param("hash", passwords.encode(password)).param("username", username).update();
        audit.record(by, "ACCOUNT_PASSWORD_RESET", subject(username), null);
        return new PasswordIssued(account, password);
    }

    /**
     * A person chooses a new password, giving their current one: it must follow the password rules and differ from
     * the current one. A password change an administrator required is done then.
     *
     * @throws InvalidInput naming each field that breaks a rule (a wrong current password included); {@link NotFound}
     *                      for an unknown or disabled person; nothing is written then
     */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword, String confirmation) {
        String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE username = :username AND kind = 'PERSON' AND enabled")
                .param("username", username).query(String.class).optional()
                .orElseThrow(() -> new NotFound("name", "problem.no-account", username));
        var problems = new ArrayList<FieldProblem>();
        boolean currentRight = currentPassword != null && passwords.matches(currentPassword, hash);
        if (!currentRight) {
            problems.add(FieldProblem.of("currentPassword", "problem.account.password-wrong"));
        }
        Optional<Reason> rule = passwordRule(newPassword);
        if (rule.isPresent()) {
            problems.add(new FieldProblem("newPassword", rule.get()));
        } else if (currentRight && newPassword.equals(currentPassword)) {
            problems.add(FieldProblem.of("newPassword", "problem.account.password-same"));
        }
        if (!Objects.equals(newPassword, confirmation)) {
            problems.add(FieldProblem.of("confirmation", "problem.account.password-mismatch"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("UPDATE user_account SET password_hash = :hash, password_change_required = FALSE WHERE username = :username")
                .param("hash", passwords.encode(newPassword)).param("username", username).update();
        audit.record(username, "ACCOUNT_PASSWORD_CHANGED", subject(username), null);
    }

    private static Optional<Reason> passwordRule(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of(Reason.of("problem.account.password-short", MIN_PASSWORD_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of(Reason.of("problem.account.password-long", MAX_PASSWORD_BYTES));
        }
        return Optional.empty();
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
                time.now()), null, Contact.NONE, false);
        audit.record(by, "SERVICE_ACCOUNT_CREATED", subject(name), "role=" + role);
        return account;
    }

    /**
     * Changes an account's role, or disables or enables it ({@code null} leaves a value as it is). Its tokens act at
     * most with the new role, or stop working, from their next request; a disabled account cannot sign in. A person
     * disabled, or given a role that works no tickets, is announced as {@link AccountOffDuty}.
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
        UserAccount changed = find(username).orElseThrow();
        if (account.enabled() && !changed.enabled()) {
            events.publishEvent(new AccountOffDuty(username, AccountOffDuty.Cause.DISABLED, changed.role(), by, time.now()));
        } else if (changed.enabled() && account.role().worksTickets() && !changed.role().worksTickets()) {
            events.publishEvent(new AccountOffDuty(username, AccountOffDuty.Cause.ROLE_CHANGED, changed.role(), by,
                    time.now()));
        }
        return changed;
    }

    /**
     * Changes a person's email address or language, audited; the same values again change nothing.
     *
     * @throws InvalidInput when a value breaks a rule; {@link Conflict} when another account has the address
     */
    void changeContact(UserAccount account, ContactChange change, String by) {
        if (account.kind() != AccountKind.PERSON) {
            throw new Conflict("email", "problem.account.contact-service", account.username());
        }
        List<FieldProblem> problems = contactProblems(change);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Contact before = contact(account.username());
        Contact after = applied(before, change);
        if (before.equals(after)) {
            return;
        }
        if (after.email() != null && emailTaken(after.email(), account.username())) {
            throw emailTaken(after.email());
        }
        try {
            jdbc.sql("UPDATE user_account SET email = :email, language = :language WHERE username = :username")
                    .param("email", after.email()).param("language", after.languageTag())
                    .param("username", account.username()).update();
        } catch (DuplicateKeyException raced) {
            throw emailTaken(after.email());
        }
        audit.record(by, "ACCOUNT_CONTACT_CHANGED", subject(account.username()), before + " -> " + after);
    }

    /** The person's contact; {@link Contact#NONE} for an unknown account. */
    Contact contact(String username) {
        return jdbc.sql("SELECT email, language FROM user_account WHERE username = :username")
                .param("username", username).query(UserAccounts::contact).optional().orElse(Contact.NONE);
    }

    static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getString("email"), Locale.forLanguageTag(rs.getString("language")));
    }

    private static List<FieldProblem> contactProblems(ContactChange change) {
        var problems = new ArrayList<FieldProblem>();
        String email = change.email() == null ? null : change.email().strip();
        TextRules.email(email).ifPresent(reason -> problems.add(new FieldProblem("email", reason)));
        if (change.language() != null && Contact.LANGUAGES.stream().noneMatch(language -> language.toLanguageTag()
                .equals(change.language().strip()))) {
            problems.add(FieldProblem.of("language", "problem.one-of",
                    String.join(", ", Contact.LANGUAGES.stream().map(Locale::toLanguageTag).toList())));
        }
        return problems;
    }

    /** The contact with the change's values; the caller has checked them. */
    private static Contact applied(Contact current, ContactChange change) {
        String email = change.email() == null ? current.email() : change.email().isBlank() ? null : change.email().strip();
        Locale language = change.language() == null ? current.language() : Locale.forLanguageTag(change.language().strip());
        return new Contact(email, language);
    }

    private boolean emailTaken(String email, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE LOWER(email) = LOWER(:email) AND username <> :username")
                .param("email", email).param("username", username).query(Long.class).single() > 0;
    }

    private static Conflict emailTaken(String email) {
        return new Conflict("email", "problem.account.email-taken", email);
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

    private UserAccount insert(String nameField, UserAccount account, String passwordHash, Contact contact,
                               boolean passwordChangeRequired) {
        if (find(account.username()).isPresent()) {
            throw taken(nameField, account.username());
        }
        if (contact.email() != null && emailTaken(contact.email(), account.username())) {
            throw emailTaken(contact.email());
        }
        try {
            jdbc.sql("""
                    INSERT INTO user_account (username, display_name, password_hash, role, kind, enabled, created_at,
                                              email, language, password_change_required)
                    VALUES (:username, :displayName, :hash, :role, :kind, TRUE, :createdAt, :email, :language,
                            :passwordChangeRequired)
                    """)
                    .param("username", account.username())
                    .param("displayName", account.displayName())
                    .param("hash", passwordHash)
                    .param("role", account.role().name())
                    .param("kind", account.kind().name())
                    .param("createdAt", JdbcTimestamps.toColumn(account.createdAt()))
                    .param("email", contact.email())
                    .param("language", contact.languageTag())
                    .param("passwordChangeRequired", passwordChangeRequired)
                    .update();
        } catch (DuplicateKeyException raced) {
            // the failed statement has ended the transaction on PostgreSQL: the index it broke tells which value raced
            throw String.valueOf(raced.getMessage()).toLowerCase(Locale.ROOT).contains(EMAIL_INDEX)
                    ? emailTaken(contact.email()) : taken(nameField, account.username());
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
