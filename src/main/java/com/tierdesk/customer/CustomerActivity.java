package com.tierdesk.customer;

import com.tierdesk.customer.internal.ActivityFiguresStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers' {@link ActivityFigures} as of a date. As of today they come from a snapshot kept one row per
 * customer (refreshed first if orders or interactions changed, or the month turned); as of an earlier date
 * they are computed from the orders and interactions themselves. Both ways give the same figures.
 */
@Service
public class CustomerActivity {

    private final ActivityFiguresStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate refreshing;
    private final TransactionTemplate reading;

    CustomerActivity(ActivityFiguresStore store, Clock clock, @Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.refreshing = new TransactionTemplate(transactions);
        this.refreshing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ActivityWindow window(LocalDate asOf) {
        if (asOf.isAfter(today())) {
            throw InvalidFields.of("asOf", "must not be in the future (today is " + today() + " in " + zone + ")");
        }
        return ActivityWindow.asOf(asOf, zone);
    }

    /**
     * Hands every customer's figures as of the date to the consumer, each customer once, in no particular
     * order. Memory stays flat: rows stream from the database.
     *
     * @return how many customers were read
     */
    public long forEach(LocalDate asOf, Consumer<ActivityFigures> consumer) {
        ActivityWindow window = window(asOf);
        if (asOf.equals(today())) {
            refresh();
            return reading.execute(status -> store.readSnapshot(consumer));
        }
        return reading.execute(status -> store.computeAll(window, consumer));
    }

    /** One customer's figures as of the date, computed from the orders and interactions. */
    public Optional<ActivityFigures> of(CustomerId customer, LocalDate asOf) {
        ActivityWindow window = window(asOf);
        return reading.execute(status -> store.computeOne(window, customer.value()));
    }

    /**
     * Brings the snapshot of today's figures up to date: the customers whose orders or interactions changed,
     * or everybody on the first refresh of a month. Runs in its own transaction.
     *
     * @return how many customers were recomputed
     */
    public long refresh() {
        ActivityWindow window = ActivityWindow.asOf(today(), zone);
        return refreshing.execute(status -> store.refresh(window, clock.instant()));
    }
}
