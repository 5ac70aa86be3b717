package com.tierdesk.tiering;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.security.AuditLog;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.tiering.TierOverride.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual overrides of a customer's tier (SPEC §2): requested with a reason and an expiry date, approved by a
 * supervisor other than the requester, in force until they expire or are revoked. While an override is in force
 * runs still assess the customer underneath; when it ends the assessed tier applies again. Every step is audited
 * and every change of the effective tier is on the customer's timeline and announced with {@link TierChanged}.
 */
@Service
@Transactional(readOnly = true)
public class TierOverrides {

    static final int LONGEST_DAYS = 366;
    private static final String COLUMNS = "id, customer_id, tier, reason, expires_on, status, requested_by, requested_at, "
            + "decided_by, decided_at, decision_note, ended_at";

    private final JdbcClient jdbc;
    private final Customers customers;
    private final CustomerActivity activity;
    private final TierCatalog tiers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TierOverrides(JdbcClient jdbc, Customers customers, CustomerActivity activity, TierCatalog tiers, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.activity = activity;
        this.tiers = tiers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public TierOverride request(String customerCode, String tier, String reason, LocalDate expiresOn, String requestedBy) {
        Customer customer = customers.get(customerCode);
        List<FieldProblem> problems = new ArrayList<>();
        if (tier == null || tiers.find(tier).isEmpty()) {
            problems.add(new FieldProblem("tier", "unknown tier '" + tier + "' (tiers: " + tiers.codes() + ")"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            problems.add(new FieldProblem("reason", "an override needs a reason of 1 to 1000 characters"));
        }
        LocalDate today = activity.today();
        if (expiresOn == null || !expiresOn.isAfter(today) || expiresOn.isAfter(today.plusDays(LONGEST_DAYS))) {
            problems.add(new FieldProblem("expiresOn", "must be after today (" + today + ") and within "
                    + LONGEST_DAYS + " days"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        open(customer.id()).ifPresent(existing -> {
            throw new Conflict("customer", "customer " + customerCode + " has override " + existing.id() + " "
                    + existing.status() + "; revoke or decide it first");
        });
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO tier_override (customer_id, tier, reason, expires_on, status, requested_by, requested_at)
                VALUES (:customer, :tier, :reason, :expires, 'REQUESTED', :by, :now)
                """).param("customer", customer.id().value()).param("tier", tier).param("reason", reason.strip())
                .param("expires", expiresOn).param("by", requestedBy).param("now", JdbcTimestamps.toColumn(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(requestedBy, "OVERRIDE_REQUESTED", "customer " + customerCode, tier + " until " + expiresOn + ": " + reason);
        return get(id);
    }

    /** Puts a requested override in force: another supervisor than the requester approves it. */
    @Transactional
    public TierOverride approve(long id, String approver, String note) {
        TierOverride override = locked(id, Status.REQUESTED);
        if (override.requestedBy().equals(approver)) {
            throw new Conflict("approver", "override " + id + " was requested by " + approver
                    + "; another supervisor must approve it");
        }
        if (!override.expiresOn().isAfter(activity.today())) {
            throw new Conflict("expiresOn", "override " + id + " expired on " + override.expiresOn() + " before it was approved");
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE tier_override SET status = 'ACTIVE', decided_by = :by, decided_at = :now, decision_note = :note WHERE id = :id")
                .param("by", approver).param("now", JdbcTimestamps.toColumn(now)).param("note", note).param("id", id).update();
        String previous = effectiveTier(override.customerId()).orElse(null);
        int updated = jdbc.sql("""
                UPDATE customer_tier SET override_id = :id, effective_tier = :tier,
                       effective_since = CASE WHEN effective_tier <> :tier THEN :now ELSE effective_since END
                 WHERE customer_id = :customer
                """).param("id", id).param("tier", override.tier()).param("now", JdbcTimestamps.toColumn(now))
                .param("customer", override.customerId().value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO customer_tier (customer_id, downgrade_pending, override_id, effective_tier, effective_since)
                    VALUES (:customer, FALSE, :id, :tier, :now)
                    """).param("customer", override.customerId().value()).param("id", id).param("tier", override.tier())
                    .param("now", JdbcTimestamps.toColumn(now)).update();
        }
        changed(override, previous, override.tier(), TierChange.Source.OVERRIDE, now);
        audit.record(approver, "OVERRIDE_APPROVED", "customer " + override.customerCode(), "override " + id + ": " + override.tier());
        return get(id);
    }

    @Transactional
    public TierOverride reject(long id, String supervisor, String note) {
        TierOverride override = locked(id, Status.REQUESTED);
        if (note == null || note.isBlank()) {
            throw InvalidInput.of("note", "a rejection needs a reason");
        }
        jdbc.sql("UPDATE tier_override SET status = 'REJECTED', decided_by = :by, decided_at = :now, decision_note = :note WHERE id = :id")
                .param("by", supervisor).param("now", JdbcTimestamps.toColumn(clock.instant())).param("note", note)
                .param("id", id).update();
        audit.record(supervisor, "OVERRIDE_REJECTED", "customer " + override.customerCode(), "override " + id + ": " + note);
        return get(id);
    }

    /** Ends an override in force before it expires; the assessed tier applies again. */
    @Transactional
    public TierOverride revoke(long id, String by, String note) {
        TierOverride override = locked(id, Status.ACTIVE);
        end(override, Status.REVOKED, by, note);
        return get(id);
    }

    /** Ends the overrides whose expiry date has passed; run daily. @return how many ended */
    @Transactional
    public int expire(LocalDate today) {
        List<TierOverride> due = jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE status = 'ACTIVE' AND expires_on <= :today")
                .param("today", today).query(this::map).list();
        due.forEach(override -> end(override, Status.EXPIRED, "system", "expired on " + override.expiresOn()));
        return due.size();
    }

    public TierOverride get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE id = :id").param("id", id).query(this::map)
                .optional().orElseThrow(() -> new NotFound("override", "id", id));
    }

    /** Overrides with the status (any when {@code null}), newest first. */
    public List<TierOverride> list(Status status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status) "
                        + "ORDER BY requested_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                .param("status", status == null ? null : status.name()).param("limit", limit).query(this::map).list();
    }

    public List<TierOverride> ofCustomer(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE customer_id = :customer ORDER BY requested_at DESC, id DESC")
                .param("customer", customer.value()).query(this::map).list();
    }

    private void end(TierOverride override, Status status, String by, String note) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE tier_override SET status = :status, ended_at = :now, decision_note = COALESCE(:note, decision_note) WHERE id = :id")
                .param("status", status.name()).param("now", JdbcTimestamps.toColumn(now)).param("note", note)
                .param("id", override.id()).update();
        String assessed = jdbc.sql("SELECT assessed_tier FROM customer_tier WHERE customer_id = :customer AND override_id = :id")
                .param("customer", override.customerId().value()).param("id", override.id()).query(String.class).optional()
                .orElse(null);
        if (assessed == null) {
            jdbc.sql("DELETE FROM customer_tier WHERE customer_id = :customer AND override_id = :id AND assessed_tier IS NULL")
                    .param("customer", override.customerId().value()).param("id", override.id()).update();
        } else {
            jdbc.sql("""
                    UPDATE customer_tier SET override_id = NULL, effective_tier = assessed_tier,
                           effective_since = CASE WHEN effective_tier <> assessed_tier THEN :now ELSE effective_since END
                     WHERE customer_id = :customer AND override_id = :id
                    """).param("now", JdbcTimestamps.toColumn(now)).param("customer", override.customerId().value())
                    .param("id", override.id()).update();
        }
        changed(override, override.tier(), assessed, TierChange.Source.OVERRIDE_ENDED, now);
        audit.record(by, "OVERRIDE_" + status.name(), "customer " + override.customerCode(), "override " + override.id()
                + (note == null ? "" : ": " + note));
    }

    /** Records the change of the effective tier on the timeline and tells the other modules, if the tier moved. */
    private void changed(TierOverride override, String from, String to, TierChange.Source source, Instant now) {
        if (java.util.Objects.equals(from, to)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO tier_history (customer_id, tier, previous_tier, changed_at, source, override_id)
                VALUES (:customer, :tier, :previous, :now, :source, :id)
                """).param("customer", override.customerId().value()).param("tier", to)
                .param("previous", from).param("now", JdbcTimestamps.toColumn(now)).param("source", source.name())
                .param("id", override.id()).update();
        events.publishEvent(new TierChanged(override.customerId(), from, to, null, override.id()));
    }

    private Optional<String> effectiveTier(CustomerId customer) {
        return jdbc.sql("SELECT effective_tier FROM customer_tier WHERE customer_id = :customer")
                .param("customer", customer.value()).query(String.class).optional();
    }

    private Optional<TierOverride> open(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE customer_id = :customer AND status IN ('REQUESTED', 'ACTIVE')")
                .param("customer", customer.value()).query(this::map).list().stream().findFirst();
    }

    private TierOverride locked(long id, Status expected) {
        jdbc.sql("SELECT id FROM tier_override WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("override", "id", id));
        TierOverride override = get(id);
        if (override.status() != expected) {
            throw new Conflict("status", "override " + id + " is " + override.status() + ", not " + expected);
        }
        return override;
    }

    private TierOverride map(ResultSet rs, int row) throws SQLException {
        CustomerId customer = CustomerId.of(rs.getLong("customer_id"));
        Map<CustomerId, CustomerRef> refs = customers.refs(List.of(customer));
        return new TierOverride(rs.getLong("id"), customer, refs.containsKey(customer) ? refs.get(customer).code() : null,
                rs.getString("tier"), rs.getString("reason"), rs.getObject("expires_on", LocalDate.class),
                Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
                JdbcTimestamps.read(rs, "requested_at"), rs.getString("decided_by"), JdbcTimestamps.read(rs, "decided_at"),
                rs.getString("decision_note"), JdbcTimestamps.read(rs, "ended_at"));
    }
}
