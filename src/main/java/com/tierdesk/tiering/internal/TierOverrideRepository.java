package com.tierdesk.tiering.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerRef;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.NotFound;
import com.tierdesk.tiering.TierOverride.Status;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrideEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tier overrides in {@code tier_override}: loads them (with their customers' codes, looked up for all rows at once)
 * and stores a request or the change that a transition's event describes. The only writer of the table.
 */
@Repository
public class TierOverrideRepository {

    private static final String COLUMNS = "id, customer_id, tier, reason, expires_on, status, requested_by, requested_at, "
            + "decided_by, decided_at, decision_note, ended_by, ended_at, end_note";

    private final JdbcClient jdbc;
    private final Customers customers;

    TierOverrideRepository(JdbcClient jdbc, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** Stores a request; a customer with an open override already gets a conflict, even when two requests race. */
    public TierOverride insert(TierOverride request) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO tier_override (customer_id, tier, reason, expires_on, status, requested_by, requested_at,
                           open_customer_id)
                    VALUES (:customer, :tier, :reason, :expires, 'REQUESTED', :by, :at, :customer)
                    """).param("customer", request.customerId().value()).param("tier", request.tier())
                    .param("reason", request.reason()).param("expires", request.expiresOn()).param("by", request.requestedBy())
                    .param("at", JdbcTimestamps.toColumn(request.requestedAt())).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new Conflict("customer", "problem.override.open-one", request.customerCode());
        }
        return get(keys.getKeyAs(Number.class).longValue());
    }

    /** Stores what the transition changed, guarded by the state it started from. */
    public void save(TierOverrideEvent event) {
        int updated;
        if (event instanceof TierOverrideEvent.Approved approved) {
            updated = decided(approved.overrideId(), Status.ACTIVE, approved.by(), approved.at(), approved.note());
        } else if (event instanceof TierOverrideEvent.Rejected rejected) {
            updated = decided(rejected.overrideId(), Status.REJECTED, rejected.by(), rejected.at(), rejected.note());
        } else if (event instanceof TierOverrideEvent.Revoked revoked) {
            updated = ended(revoked.overrideId(), Status.REVOKED, revoked.by(), revoked.at(), revoked.note());
        } else if (event instanceof TierOverrideEvent.Expired expired) {
            updated = ended(expired.overrideId(), Status.EXPIRED, expired.by(), expired.at(), null);
        } else {
            throw new IllegalArgumentException("a request is inserted, not saved: " + event);
        }
        if (updated != 1) {
            throw new Conflict("status", "problem.override.changed", event.overrideId());
        }
    }

    private int decided(long id, Status status, String by, Instant at, String note) {
        return jdbc.sql("""
                UPDATE tier_override SET status = :status, decided_by = :by, decided_at = :at, decision_note = :note,
                       open_customer_id = %s
                 WHERE id = :id AND status = 'REQUESTED'
                """.formatted(status.open() ? "open_customer_id" : "NULL")).param("status", status.name()).param("by", by).param("at", JdbcTimestamps.toColumn(at))
                .param("note", note).param("id", id).update();
    }

    private int ended(long id, Status status, String by, Instant at, String note) {
        return jdbc.sql("""
                UPDATE tier_override SET status = :status, ended_by = :by, ended_at = :at, end_note = :note,
                       open_customer_id = NULL
                 WHERE id = :id AND status = 'ACTIVE'
                """).param("status", status.name()).param("by", by).param("at", JdbcTimestamps.toColumn(at))
                .param("note", note).param("id", id).update();
    }

    public TierOverride get(long id) {
        return withCodes(jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE id = :id").param("id", id)
                .query(TierOverrideRepository::row).list()).stream().findFirst()
                .orElseThrow(() -> new NotFound("id", "problem.no-override", id));
    }

    /** The override, locked until the transaction ends so that two decisions on it cannot interleave. */
    public TierOverride lock(long id) {
        return withCodes(jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE id = :id FOR UPDATE").param("id", id)
                .query(TierOverrideRepository::row).list()).stream().findFirst()
                .orElseThrow(() -> new NotFound("id", "problem.no-override", id));
    }

    /** Overrides in force whose expiry date has come, locked. */
    public List<TierOverride> lockDue(LocalDate today) {
        return withCodes(jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE status = 'ACTIVE' AND expires_on <= :today "
                + "ORDER BY id FOR UPDATE").param("today", today).query(TierOverrideRepository::row).list());
    }

    /** Overrides with the status (any when {@code null}), newest first. */
    public List<TierOverride> list(Status status, int limit) {
        return withCodes(jdbc.sql("SELECT " + COLUMNS + " FROM tier_override "
                        + "WHERE (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status) "
                        + "ORDER BY requested_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                .param("status", status == null ? null : status.name()).param("limit", limit)
                .query(TierOverrideRepository::row).list());
    }

    public List<TierOverride> ofCustomer(CustomerId customer) {
        return withCodes(jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE customer_id = :customer "
                        + "ORDER BY requested_at DESC, id DESC")
                .param("customer", customer.value()).query(TierOverrideRepository::row).list());
    }

    public Optional<TierOverride> open(CustomerId customer) {
        return withCodes(jdbc.sql("SELECT " + COLUMNS + " FROM tier_override WHERE open_customer_id = :customer")
                .param("customer", customer.value()).query(TierOverrideRepository::row).list()).stream().findFirst();
    }

    /** The customers' codes, looked up once for all the rows. */
    private List<TierOverride> withCodes(List<TierOverride> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<CustomerId, CustomerRef> refs = customers.refs(rows.stream().map(TierOverride::customerId).toList());
        return rows.stream().map(o -> new TierOverride(o.id(), o.customerId(),
                refs.containsKey(o.customerId()) ? refs.get(o.customerId()).code() : null, o.tier(), o.reason(),
                o.expiresOn(), o.status(), o.requestedBy(), o.requestedAt(), o.decidedBy(), o.decidedAt(), o.decisionNote(),
                o.endedBy(), o.endedAt(), o.endNote())).toList();
    }

    private static TierOverride row(ResultSet rs, int row) throws SQLException {
        return new TierOverride(rs.getLong("id"), CustomerId.of(rs.getLong("customer_id")), null, rs.getString("tier"),
                rs.getString("reason"), rs.getObject("expires_on", LocalDate.class), Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"), JdbcTimestamps.read(rs, "requested_at"), rs.getString("decided_by"),
                JdbcTimestamps.read(rs, "decided_at"), rs.getString("decision_note"), rs.getString("ended_by"),
                JdbcTimestamps.read(rs, "ended_at"), rs.getString("end_note"));
    }
}
