package com.tierdesk.security;

import com.tierdesk.shared.JdbcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who sign in to the console; passwords are kept only as adaptive (BCrypt) hashes. */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /**
     * Creates an enabled account.
     *
     * @throws IllegalArgumentException when a value breaks a rule or the username is taken; nothing is written then
     */
    @Transactional
    public UserAccount create(String username, String displayName, String rawPassword, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 2-64 letters, digits or . _ @ -, starting with a letter or digit");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new IllegalArgumentException("display name must be 1-100 characters");
        }
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (role == null) {
            throw new IllegalArgumentException("role is required");
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("username '" + username + "' is already taken");
        }
        var account = new UserAccount(username, displayName.strip(), role, true, Instant.now());
        jdbc.sql("""
                INSERT INTO user_account (username, display_name, password_hash, role, enabled, created_at)
                VALUES (:username, :displayName, :hash, :role, TRUE, :createdAt)
                """)
                .param("username", account.username())
                .param("displayName", account.displayName())
                .param("hash", passwords.encode(rawPassword))
                .param("role", role.name())
                .param("createdAt", JdbcTimestamps.toColumn(account.createdAt()))
                .update();
        return account;
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT username, display_name, role, enabled, created_at FROM user_account WHERE username = :username")
                .param("username", username)
                .query(UserAccounts::account)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return jdbc.sql("SELECT username, display_name, role, enabled, created_at FROM user_account ORDER BY username")
                .query(UserAccounts::account)
                .list();
    }

    @Transactional(readOnly = true)
    public boolean none() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single() == 0;
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), JdbcTimestamps.read(rs, "created_at"));
    }
}
