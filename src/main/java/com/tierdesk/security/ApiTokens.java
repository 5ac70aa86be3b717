package com.tierdesk.security;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.TextRules;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials for integrations. Every token belongs to an account and acts as it: what a token does is recorded
 * under the account's name, and it never acts with more than the account's role, so disabling an account or
 * lowering its role takes effect on its tokens at their next request. A token is shown in plaintext once, at
 * issue; afterwards only its prefix and the SHA-256 digest of its secret exist, so checking a request costs one
 * indexed lookup and a hash.
 */
@Service
public class ApiTokens {

    /** Recording every use would turn each API read into a write; once a minute is enough to see activity. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final int NAME_LENGTH = 100;
    private static final String COLUMNS = "id, prefix, name, account, scope, role, created_by, created_at, expires_at, "
            + "revoked_at, last_used_at";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final BusinessTime time;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, UserAccounts accounts, AuditLog audit, BusinessTime time) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.time = time;
    }

    /**
     * Issues a token acting as the requested account, which must exist and be enabled; an API token's role must
     * be one the account's role includes.
     *
     * @throws InvalidInput with every problem found; nothing is written then
     */
    @Transactional
    public IssuedToken issue(NewToken request, String issuedBy) {
        Instant now = time.now();
        List<FieldProblem> problems = problems(request, now);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        TokenSecret secret = TokenSecret.generate(random);
        jdbc.sql("""
                INSERT INTO api_token (prefix, secret_sha256, name, account, scope, role, created_by, created_at, expires_at)
                VALUES (:prefix, :digest, :name, :account, :scope, :role, :createdBy, :createdAt, :expiresAt)
                """)
                .param("prefix", secret.prefix())
                .param("digest", secret.digest())
                .param("name", request.name().strip())
                .param("account", request.account())
                .param("scope", request.scope().name())
                .param("role", request.role() == null ? null : request.role().name())
                .param("createdBy", issuedBy)
                .param("createdAt", JdbcTimestamps.toColumn(now))
                .param("expiresAt", JdbcTimestamps.toColumn(request.expiresAt()))
                .update();
        ApiToken token = byPrefix(secret.prefix()).orElseThrow();
        audit.record(issuedBy, "API_TOKEN_ISSUED", "api-token:" + secret.prefix(), "name=" + token.name()
                + ", account=" + token.account() + ", scope=" + token.scope()
                + (token.role() == null ? "" : ", role=" + token.role())
                + (token.expiresAt() == null ? "" : ", expiresAt=" + token.expiresAt()));
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
                .param("now", JdbcTimestamps.toColumn(time.now()))
                .param("id", id)
                .update();
        Optional<ApiToken> token = find(id);
        if (changed == 1) {
            token.ifPresent(revoked -> audit.record(actor, "API_TOKEN_REVOKED", "api-token:" + revoked.prefix(),
                    "name=" + revoked.name() + ", account=" + revoked.account()));
        }
        return token;
    }

    /**
     * The token a request presents, with the account it acts as and its role, if the token is known, unrevoked and
     * unexpired, its secret matches, its account is enabled and the account's role still allows some of the
     * token's. Marks it used, at most once per {@link #LAST_USED_RESOLUTION}. Every API call comes here: the read and
     * the rare mark are single statements, each atomic, so no transaction is opened for them.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<ActingToken> authenticate(String plaintext) {
        Optional<TokenSecret> presented = TokenSecret.parse(plaintext);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Instant now = time.now();
        return jdbc.sql("""
                SELECT t.id, t.prefix, t.secret_sha256, t.name, t.account, t.scope, t.role, t.created_by, t.created_at,
                       t.expires_at, t.revoked_at, t.last_used_at,
                       a.display_name, a.role AS account_role, a.kind, a.enabled, a.created_at AS account_created_at
                  FROM api_token t JOIN user_account a ON a.username = t.account
                 WHERE t.prefix = :prefix
                """)
                .param("prefix", presented.get().prefix())
                .query((rs, row) -> new StoredToken(token(rs, row), account(rs), rs.getString("secret_sha256")))
                .optional()
                .filter(stored -> presented.get().matches(stored.digest()))
                .filter(stored -> stored.token().usableAt(now) && stored.account().enabled())
                .flatMap(stored -> acting(stored.token(), stored.account()))
                .map(acting -> new ActingToken(markUsed(acting.token(), now), acting.account(), acting.role()));
    }

    private Optional<ActingToken> acting(ApiToken token, UserAccount account) {
        if (token.scope() == TokenScope.METRICS) {
            return Optional.of(new ActingToken(token, account, null));
        }
        return token.role().cappedAt(account.role()).map(role -> new ActingToken(token, account, role));
    }

    private List<FieldProblem> problems(NewToken request, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        TextRules.requiredLine(request.name(), NAME_LENGTH).ifPresent(reason -> problems.add(new FieldProblem("name", reason)));
        UserAccount account = null;
        if (request.account() == null || request.account().isBlank()) {
            problems.add(FieldProblem.of("account", "problem.required"));
        } else {
            account = accounts.find(request.account()).orElse(null);
            if (account == null) {
                problems.add(FieldProblem.of("account", "problem.account.unknown", request.account()));
            } else if (!account.enabled()) {
                problems.add(FieldProblem.of("account", "problem.account.disabled", account.username()));
            }
        }
        if (request.scope() == null) {
            problems.add(FieldProblem.of("scope", "problem.required"));
        } else if (request.scope() == TokenScope.METRICS && request.role() != null) {
            problems.add(FieldProblem.of("role", "problem.token.metrics-no-role"));
        } else if (request.scope() == TokenScope.API && request.role() == null) {
            problems.add(FieldProblem.of("role", "problem.required"));
        } else if (request.scope() == TokenScope.API && account != null && !account.role().includes(request.role())) {
            problems.add(FieldProblem.of("role", "problem.token.role-above-account", account.username(), account.role()));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            problems.add(FieldProblem.of("expiresAt", "problem.future"));
        }
        return problems;
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
        return token.usedAt(now);
    }

    private Optional<ApiToken> byPrefix(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE prefix = :prefix").param("prefix", prefix).query(ApiTokens::token).optional();
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("role");
        return new ApiToken(rs.getLong("id"), rs.getString("prefix"), rs.getString("name"), rs.getString("account"),
                TokenScope.valueOf(rs.getString("scope")), role == null ? null : Role.valueOf(role), rs.getString("created_by"),
                JdbcTimestamps.read(rs, "created_at"), JdbcTimestamps.read(rs, "expires_at"),
                JdbcTimestamps.read(rs, "revoked_at"), JdbcTimestamps.read(rs, "last_used_at"));
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString("account"), rs.getString("display_name"), Role.valueOf(rs.getString("account_role")),
                AccountKind.valueOf(rs.getString("kind")), rs.getBoolean("enabled"), JdbcTimestamps.read(rs, "account_created_at"));
    }

    private record StoredToken(ApiToken token, UserAccount account, String digest) {
    }
}
