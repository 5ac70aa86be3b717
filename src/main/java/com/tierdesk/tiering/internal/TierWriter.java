package com.tierdesk.tiering.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.tiering.TierChange;
import com.tierdesk.tiering.TierChanged;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of customers' current tiers ({@code customer_tier}) and their timelines ({@code tier_history}), for
 * published runs and overrides alike, always inside the caller's transaction: a customer's current tier and the
 * timeline entry behind it change together. A run is written with two set-based statements, however many customers
 * it moves.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class TierWriter {

    /** A run changing more customers than this refreshes the timeline's statistics (PostgreSQL). */
    static final long MANY_CHANGES = 10_000;

    private final JdbcClient jdbc;
    private final boolean postgres;

    TierWriter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /**
     * Writes a run's results, unpacked in {@code publishing_result} ({@link PublishingStage}): every customer's assessed
     * tier, and the effective tier where no override is in force, with a timeline entry for each customer whose
     * effective tier changed or who had none. @return how many customers' effective tier changed
     */
    public long publishRun(long runId, Instant at) {
        long changed = jdbc.sql("""
                INSERT INTO tier_history (customer_id, tier, previous_tier, changed_at, source, run_id)
                SELECT r.customer_id, r.tier, t.effective_tier, :at, 'RUN', :run
                  FROM publishing_result r LEFT JOIN customer_tier t ON t.customer_id = r.customer_id
                 WHERE r.run_id = :run AND (t.customer_id IS NULL OR (t.override_id IS NULL AND t.effective_tier <> r.tier))
                """).param("at", JdbcTimestamps.toColumn(at)).param("run", runId).update();
        jdbc.sql("""
                MERGE INTO customer_tier t
                USING (SELECT customer_id, tier, score, downgrade_pending FROM publishing_result WHERE run_id = :run) r
                   ON (t.customer_id = r.customer_id)
                 WHEN MATCHED THEN UPDATE SET assessed_tier = r.tier, assessed_run_id = :run, score = r.score,
                      downgrade_pending = r.downgrade_pending,
                      effective_since = CASE WHEN t.override_id IS NULL AND t.effective_tier <> r.tier THEN :at
                                             ELSE t.effective_since END,
                      effective_tier = CASE WHEN t.override_id IS NULL THEN r.tier ELSE t.effective_tier END
                 WHEN NOT MATCHED THEN INSERT (customer_id, assessed_tier, assessed_run_id, score, downgrade_pending,
                      effective_tier, effective_since)
                      VALUES (r.customer_id, r.tier, :run, r.score, r.downgrade_pending, r.tier, :at)
                """).param("run", runId).param("at", JdbcTimestamps.toColumn(at)).update();
        if (postgres && changed > MANY_CHANGES) {
            // listeners read the run's changes page by page right after the commit; statistics that do not know of
            // them yet make each page scan all the run's rows instead of the next ones in the index
            jdbc.sql("ANALYZE tier_history").update();
        }
        return changed;
    }

    /**
     * Puts an approved override in force: its tier becomes the customer's effective tier (the assessed tier underneath
     * stays). @return the change, with the approval's note, when the effective tier moved
     */
    public Optional<TierChanged> overrideInForce(long overrideId, CustomerId customer, String tier, Instant at, String note) {
        String previous = jdbc.sql("SELECT effective_tier FROM customer_tier WHERE customer_id = :customer FOR UPDATE")
                .param("customer", customer.value()).query(String.class).optional().orElse(null);
        int updated = jdbc.sql("""
                UPDATE customer_tier SET override_id = :override, effective_tier = :tier,
                       effective_since = CASE WHEN effective_tier <> :tier THEN :at ELSE effective_since END
                 WHERE customer_id = :customer
                """).param("override", overrideId).param("tier", tier).param("at", JdbcTimestamps.toColumn(at))
                .param("customer", customer.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO customer_tier (customer_id, downgrade_pending, override_id, effective_tier, effective_since)
                    VALUES (:customer, FALSE, :override, :tier, :at)
                    """).param("customer", customer.value()).param("override", overrideId).param("tier", tier)
                    .param("at", JdbcTimestamps.toColumn(at)).update();
        }
        return changed(customer, previous, tier, at, TierChange.Source.OVERRIDE, overrideId, note);
    }

    /**
     * Ends an override in force: the assessed tier applies again, or the customer has no tier when no run has assessed
     * them. @return the change, with the revocation's note, when the effective tier moved
     */
    public Optional<TierChanged> overrideEnded(long overrideId, CustomerId customer, Instant at, String note) {
        record Current(String effective, String assessed) {
        }
        Optional<Current> current = jdbc.sql("""
                SELECT effective_tier, assessed_tier FROM customer_tier
                 WHERE customer_id = :customer AND override_id = :override FOR UPDATE
                """).param("customer", customer.value()).param("override", overrideId)
                .query((rs, row) -> new Current(rs.getString(1), rs.getString(2))).optional();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        String assessed = current.get().assessed();
        if (assessed == null) {
            jdbc.sql("DELETE FROM customer_tier WHERE customer_id = :customer AND override_id = :override")
                    .param("customer", customer.value()).param("override", overrideId).update();
        } else {
            jdbc.sql("""
                    UPDATE customer_tier SET override_id = NULL, effective_tier = assessed_tier,
                           effective_since = CASE WHEN effective_tier <> assessed_tier THEN :at ELSE effective_since END
                     WHERE customer_id = :customer AND override_id = :override
                    """).param("at", JdbcTimestamps.toColumn(at)).param("customer", customer.value())
                    .param("override", overrideId).update();
        }
        return changed(customer, current.get().effective(), assessed, at, TierChange.Source.OVERRIDE_ENDED, overrideId, note);
    }

    /** Records a move of the effective tier on the timeline; nothing when the tier stayed. */
    private Optional<TierChanged> changed(CustomerId customer, String from, String to, Instant at, TierChange.Source source,
            long overrideId, String note) {
        if (Objects.equals(from, to)) {
            return Optional.empty();
        }
        jdbc.sql("""
                INSERT INTO tier_history (customer_id, tier, previous_tier, changed_at, source, override_id)
                VALUES (:customer, :tier, :previous, :at, :source, :override)
                """).param("customer", customer.value()).param("tier", to).param("previous", from)
                .param("at", JdbcTimestamps.toColumn(at)).param("source", source.name()).param("override", overrideId)
                .update();
        return Optional.of(new TierChanged(customer, from, to, at, source, null, overrideId, note));
    }
}
