package com.tierdesk.security.internal;

import com.tierdesk.security.AuditLog;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down and then locks repeated failed sign-ins, per account name and per client address, and repeated invalid
 * API tokens per address (docs/operations.md, "Sign-in throttling"). The counts live in {@code sign_in_attempt}, so
 * every instance sees the same ones. A sign-in attempt counts as failed from the moment it is admitted and is
 * forgiven when it succeeds: a burst of parallel guesses cannot slip past the count while their passwords are
 * being checked. Names that cannot be an account's are never looked up, but count against their address.
 */
@Component
class SignInThrottle {

    static final String SYSTEM = "system";
    private static final int LONGEST_NAME = 64;
    /** The subject column's width: a client address from a forwarding header is cut to it. */
    private static final int LONGEST_SUBJECT = 100;
    private static final String COLUMNS = "kind, subject, failures, last_failure_at, locked_until";

    enum Kind { ACCOUNT, ADDRESS, TOKEN_ADDRESS }

    /** Attempts of this kind are refused unchecked until {@code until}: a lock, or the wait after the last failure. */
    record Hold(Kind kind, boolean locked, Instant until) {
    }

    private record Key(Kind kind, String subject) {

        Key {
            subject = subject.length() <= LONGEST_SUBJECT ? subject : subject.substring(0, LONGEST_SUBJECT);
        }

        String auditSubject() {
            return (kind == Kind.ACCOUNT ? "account:" : "address:") + subject;
        }
    }

    private record Row(Key key, int failures, Instant lastFailureAt, Instant lockedUntil) {
    }

    private record Limits(int delayAfter, int lockAfter) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final BusinessTime time;
    private final SignInThrottleSettings settings;

    SignInThrottle(JdbcClient jdbc, AuditLog audit, BusinessTime time, SignInThrottleSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
        this.settings = settings;
    }

    /** Whether a typed name can be an account's, so that it is worth counting and looking up. */
    static boolean couldBeAnAccount(String name) {
        return name != null && !name.isBlank() && name.length() <= LONGEST_NAME && TextRules.line(name, LONGEST_NAME).isEmpty();
    }

    /**
     * Admits a sign-in attempt, counting it as failed until {@link #signedIn} forgives it, or tells why not.
     *
     * @param account the typed name, or {@code null} when it cannot be an account's
     */
    @Transactional
    Optional<Hold> admitSignIn(String account, String address) {
        Instant now = time.now();
        List<Row> rows = new ArrayList<>();
        for (Key key : signInKeys(account, address)) {
            jdbc.sql("INSERT INTO sign_in_attempt (kind, subject, failures, last_failure_at) VALUES (:kind, :subject, 0, :now) "
                            + "ON CONFLICT DO NOTHING")
                    .param("kind", key.kind().name()).param("subject", key.subject()).param("now", JdbcTimestamps.toColumn(now))
                    .update();
            rows.add(jdbc.sql("SELECT " + COLUMNS + " FROM sign_in_attempt WHERE kind = :kind AND subject = :subject FOR UPDATE")
                    .param("kind", key.kind().name()).param("subject", key.subject())
                    .query((rs, row) -> row(rs)).single());
        }
        Optional<Hold> hold = rows.stream().flatMap(row -> hold(row, now).stream()).max(Comparator.comparing(Hold::until));
        if (hold.isEmpty()) {
            rows.forEach(row -> jdbc.sql("UPDATE sign_in_attempt SET failures = :failures, last_failure_at = :now "
                            + "WHERE kind = :kind AND subject = :subject")
                    .param("failures", failuresAt(row, now) + 1).param("now", JdbcTimestamps.toColumn(now))
                    .param("kind", row.key().kind().name()).param("subject", row.key().subject())
                    .update());
        }
        return hold;
    }

    /** Forgives an admitted attempt that succeeded: the account starts again from nothing, the address from before it. */
    @Transactional
    void signedIn(String account, String address) {
        if (account != null) {
            jdbc.sql("DELETE FROM sign_in_attempt WHERE kind = :kind AND subject = :subject")
                    .param("kind", Kind.ACCOUNT.name()).param("subject", account).update();
        }
        Key key = new Key(Kind.ADDRESS, address);
        jdbc.sql("UPDATE sign_in_attempt SET failures = failures - 1 WHERE kind = :kind AND subject = :subject AND failures > 0")
                .param("kind", key.kind().name()).param("subject", key.subject()).update();
    }

    /** Leaves an admitted attempt counted as failed; @return the lock it brought about, if it was the last one allowed */
    @Transactional
    Optional<Hold> signInFailed(String account, String address) {
        Instant now = time.now();
        Optional<Hold> lock = Optional.empty();
        for (Key key : signInKeys(account, address)) {
            Optional<Hold> locked = lockIfDue(key, now);
            lock = lock.or(() -> locked);
        }
        return lock;
    }

    /** Whether API tokens from this address are refused unchecked for now. */
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<Hold> checkToken(String address) {
        Instant now = time.now();
        Key key = new Key(Kind.TOKEN_ADDRESS, address);
        return jdbc.sql("SELECT " + COLUMNS + " FROM sign_in_attempt WHERE kind = :kind AND subject = :subject")
                .param("kind", key.kind().name()).param("subject", key.subject())
                .query((rs, row) -> row(rs)).optional()
                .flatMap(row -> hold(row, now));
    }

    /** Counts an invalid API token from this address; @return the lock it brought about, if any */
    @Transactional
    Optional<Hold> tokenFailed(String address) {
        Instant now = time.now();
        Key key = new Key(Kind.TOKEN_ADDRESS, address);
        if (countFailure(key, now) == 0) {
            int inserted = jdbc.sql("INSERT INTO sign_in_attempt (kind, subject, failures, last_failure_at) "
                            + "VALUES (:kind, :subject, 1, :now) ON CONFLICT DO NOTHING")
                    .param("kind", key.kind().name()).param("subject", key.subject()).param("now", JdbcTimestamps.toColumn(now))
                    .update();
            if (inserted == 0) {
                countFailure(key, now);
            }
        }
        return lockIfDue(key, now);
    }

    /** Deletes the counts that no longer matter: nothing locked, and the last failure forgotten. */
    @Transactional
    int purge() {
        Instant now = time.now();
        return jdbc.sql("DELETE FROM sign_in_attempt WHERE last_failure_at < :forgotten AND (locked_until IS NULL OR locked_until < :now)")
                .param("forgotten", JdbcTimestamps.toColumn(now.minus(settings.forgetAfter())))
                .param("now", JdbcTimestamps.toColumn(now))
                .update();
    }

    private int countFailure(Key key, Instant now) {
        return jdbc.sql("""
                UPDATE sign_in_attempt
                   SET failures = CASE WHEN last_failure_at < :forgotten THEN 1 ELSE failures + 1 END, last_failure_at = :now
                 WHERE kind = :kind AND subject = :subject
                """)
                .param("forgotten", JdbcTimestamps.toColumn(now.minus(settings.forgetAfter())))
                .param("now", JdbcTimestamps.toColumn(now))
                .param("kind", key.kind().name()).param("subject", key.subject())
                .update();
    }

    /** Locks the key once its failures reach the limit; the count starts again from nothing when the lock ends. */
    private Optional<Hold> lockIfDue(Key key, Instant now) {
        Limits limits = limits(key.kind());
        Instant until = now.plus(settings.lockFor());
        int locked = jdbc.sql("UPDATE sign_in_attempt SET locked_until = :until, failures = 0 "
                        + "WHERE kind = :kind AND subject = :subject AND failures >= :lockAfter")
                .param("until", JdbcTimestamps.toColumn(until))
                .param("kind", key.kind().name()).param("subject", key.subject())
                .param("lockAfter", limits.lockAfter())
                .update();
        if (locked == 0) {
            return Optional.empty();
        }
        audit.record(SYSTEM, key.kind() == Kind.TOKEN_ADDRESS ? "API_TOKENS_LOCKED" : "SIGN_IN_LOCKED", key.auditSubject(),
                limits.lockAfter() + (key.kind() == Kind.TOKEN_ADDRESS ? " invalid API tokens" : " failed sign-ins")
                        + "; locked until " + until);
        return Optional.of(new Hold(key.kind(), true, until));
    }

    private Optional<Hold> hold(Row row, Instant now) {
        if (row.lockedUntil() != null && now.isBefore(row.lockedUntil())) {
            return Optional.of(new Hold(row.key().kind(), true, row.lockedUntil()));
        }
        int failures = failuresAt(row, now);
        int delayAfter = limits(row.key().kind()).delayAfter();
        if (failures < delayAfter) {
            return Optional.empty();
        }
        Instant next = row.lastFailureAt().plus(delay(failures - delayAfter));
        return now.isBefore(next) ? Optional.of(new Hold(row.key().kind(), false, next)) : Optional.empty();
    }

    /** The first delay, doubled for each further failure, up to the longest. */
    private Duration delay(int beyondFirst) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < beyondFirst && delay.compareTo(settings.longestDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.longestDelay()) > 0 ? settings.longestDelay() : delay;
    }

    private int failuresAt(Row row, Instant now) {
        return row.lastFailureAt().isBefore(now.minus(settings.forgetAfter())) ? 0 : row.failures();
    }

    private Limits limits(Kind kind) {
        return kind == Kind.ACCOUNT ? new Limits(settings.accountDelayAfter(), settings.accountLockAfter())
                : new Limits(settings.addressDelayAfter(), settings.addressLockAfter());
    }

    /** In one order everywhere (account before address), so that two attempts never wait on each other's rows. */
    private static List<Key> signInKeys(String account, String address) {
        return account == null ? List.of(new Key(Kind.ADDRESS, address))
                : List.of(new Key(Kind.ACCOUNT, account), new Key(Kind.ADDRESS, address));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new Key(Kind.valueOf(rs.getString("kind")), rs.getString("subject")), rs.getInt("failures"),
                JdbcTimestamps.read(rs, "last_failure_at"), JdbcTimestamps.read(rs, "locked_until"));
    }
}
