package com.tierdesk.security;

import com.tierdesk.shared.JdbcTimestamps;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials for integrations. A token is shown in plaintext once, at issue; afterwards only its prefix
 * and the SHA-256 digest of its secret exist, so checking a request costs one indexed lookup and a hash.
 */
@Service
public class ApiTokens {

    /** Recording every use would turn each API read into a write; once a minute is enough to see activity. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final String COLUMNS = "id, prefix, secret_sha256, name, role, created_by, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Issues a token acting with {@code role}.
     *
     * @param expiresAt when the token stops working; {@code null} for never
     * @throws IllegalArgumentException when the name is blank or longer than 100 characters, or the role is missing
     */
    @Transactional
    public IssuedToken issue(String name, Role role, String createdBy, Instant expiresAt) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("name must be 1-100 characters");
        }
        if (role == null) {
            throw new IllegalArgumentException("role is required");
        }
        TokenSecret secret = TokenSecret.generate(random);
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO api_token (prefix, secret_sha256, name, role, created_by, created_at, expires_at)
                VALUES (:prefix, :digest, :name, :role, :createdBy, :createdAt, :expiresAt)
                """)
                .param("prefix", secret.prefix())
                .param("digest", secret.digest())
                .param("name", name.strip())
                .param("role", role.name())
                .param("createdBy", createdBy)
                .param("createdAt", JdbcTimestamps.toColumn(now))
                .param("expiresAt", JdbcTimestamps.toColumn(expiresAt))
                .update();
        ApiToken token = byPrefix(secret.prefix()).orElseThrow();
        audit.record(createdBy, "API_TOKEN_ISSUED", "api-token:" + secret.prefix(),
                "name=" + name.strip() + ", role=" + role + (expiresAt == null ? "" : ", expiresAt=" + expiresAt));
        return new IssuedToken(token, secret.plaintext());
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC, id DESC")
                .query(ApiTokens::token)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = :id").param("id", id).query(ApiTokens::token).optional();
    }

    /**
     * Revokes a token at once; revoking a revoked token changes nothing.
     *
     * @return the token as it is now, or empty when there is no such token
     */
    @Transactional
    public Optional<ApiToken> revoke(long id, String actor) {
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", JdbcTimestamps.toColumn(Instant.now()))
                .param("id", id)
                .update();
        Optional<ApiToken> token = find(id);
        if (changed == 1) {
            token.ifPresent(revoked -> audit.record(actor, "API_TOKEN_REVOKED", "api-token:" + revoked.prefix(), "name=" + revoked.name()));
        }
        return token;
    }

    /**
     * The token a request presents, if it is known, unrevoked, unexpired and its secret matches.
     * Marks it used, at most once per {@link #LAST_USED_RESOLUTION}.
     */
    @Transactional
    public Optional<ApiToken> authenticate(String plaintext) {
        Optional<TokenSecret> presented = TokenSecret.parse(plaintext);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE prefix = :prefix")
                .param("prefix", presented.get().prefix())
                .query((rs, row) -> new StoredToken(token(rs, row), rs.getString("secret_sha256")))
                .optional()
                .filter(stored -> presented.get().matches(stored.digest()))
                .map(StoredToken::token)
                .filter(token -> token.usableAt(now))
                .map(token -> markUsed(token, now));
    }

    private ApiToken markUsed(ApiToken token, Instant now) {
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(now.minus(LAST_USED_RESOLUTION))) {
            return token;
        }
        jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :threshold)")
                .param("now", JdbcTimestamps.toColumn(now))
                .param("id", token.id())
                .param("threshold", JdbcTimestamps.toColumn(now.minus(LAST_USED_RESOLUTION)))
                .update();
        return new ApiToken(token.id(), token.prefix(), token.name(), token.role(), token.createdBy(), token.createdAt(),
                token.expiresAt(), token.revokedAt(), now);
    }

    private Optional<ApiToken> byPrefix(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE prefix = :prefix").param("prefix", prefix).query(ApiTokens::token).optional();
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("prefix"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getString("created_by"), JdbcTimestamps.read(rs, "created_at"), JdbcTimestamps.read(rs, "expires_at"),
                JdbcTimestamps.read(rs, "revoked_at"), JdbcTimestamps.read(rs, "last_used_at"));
    }

    private record StoredToken(ApiToken token, String digest) {
    }
}
