package com.tierdesk.customer;

import com.tierdesk.customer.internal.ActivityFiguresStore.IdRange;
import com.tierdesk.customer.internal.ActivityFiguresStore;
import com.tierdesk.customer.internal.ActivityMonthsStore;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.InvalidInput;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers' {@link ActivityFigures} as of a date. As of today they come from a snapshot kept one row per
 * customer, brought up to date first with whatever changed since (at a cost that follows the changes); as of
 * the last day of one of the {@value #MONTHLY_MONTHS} months before this one they are summed from the monthly
 * figures; as of any other date they are computed from the orders and interactions themselves. Every way gives
 * the same figures.
 */
@Service
public class CustomerActivity {

    /** How far back a run as of a month-end reads the monthly figures rather than the orders. */
    public static final int MONTHLY_MONTHS = 24;

    private final ActivityFiguresStore store;
    private static final Logger log = LoggerFactory.getLogger(CustomerActivity.class);

    private final ActivityMonthsStore months;
    private final MeterRegistry meters;
    private final BusinessTime time;
    private final TransactionTemplate refreshing;
    private final TransactionTemplate reading;

    CustomerActivity(ActivityFiguresStore store, ActivityMonthsStore months, BusinessTime time,
            PlatformTransactionManager transactions, MeterRegistry meters) {
        this.store = store;
        this.months = months;
        this.meters = meters;
        this.time = time;
        this.refreshing = new TransactionTemplate(transactions);
        this.refreshing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    public LocalDate today() {
        return time.today();
    }

    public ActivityWindow window(LocalDate asOf) {
        if (asOf.isAfter(today())) {
            throw InvalidInput.of("asOf", "problem.as-of-future-zone", today(), time.zone());
        }
        return ActivityWindow.asOf(asOf, time.zone());
    }

    /**
     * Hands every customer's figures as of the date to the consumer, each customer once, in no particular
     * order. Memory stays flat: rows stream from the database.
     *
     * @return how many customers were read
     */
    public long forEach(LocalDate asOf, Consumer<ActivityFigures> consumer) {
        return forEach(asOf, 1, part -> consumer);
    }

    /**
     * As {@link #forEach(LocalDate, Consumer)}, reading the population in {@code parts} ranges of customer ids at
     * once, each on its own connection and thread and handed to that part's consumer (customers in id order within
     * a part). On a machine with several cores this reads a million customers in a fraction of the time.
     */
    public long forEach(LocalDate asOf, int parts, IntFunction<Consumer<ActivityFigures>> consumerOfPart) {
        ActivityWindow window = window(asOf);
        boolean today = asOf.equals(today());
        boolean monthly = !today && readsMonthlyFigures(asOf);
        if (today || monthly) {
            refresh();
        }
        Optional<IdRange> range = store.idRange();
        if (range.isEmpty()) {
            return 0;
        }
        List<IdRange> ranges = split(range.get(), parts);
        ExecutorService threads = Executors.newFixedThreadPool(ranges.size());
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int part = 0; part < ranges.size(); part++) {
                IdRange ids = ranges.get(part);
                Consumer<ActivityFigures> consumer = consumerOfPart.apply(part);
                counts.add(threads.submit(() -> reading.execute(status -> today ? store.readSnapshot(ids, consumer)
                        : monthly ? months.readAsOfMonthEnd(window, ids, consumer)
                        : store.computeAll(window, ids, consumer))));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading the activity figures was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("reading the activity figures failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<IdRange> split(IdRange range, int parts) {
        long span = range.last() - range.first() + 1;
        int count = (int) Math.max(1, Math.min(parts, span));
        List<IdRange> ranges = new ArrayList<>();
        for (int part = 0; part < count; part++) {
            long first = range.first() + span * part / count;
            long last = range.first() + span * (part + 1) / count - 1;
            ranges.add(new IdRange(first, last));
        }
        return ranges;
    }

    /** Whether figures as of this past date are summed from the monthly figures: a recent month-end. */
    public boolean readsMonthlyFigures(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return asOf.equals(month.atEndOfMonth()) && asOf.isBefore(today())
                && !month.isBefore(YearMonth.from(today()).minusMonths(MONTHLY_MONTHS));
    }

    /** One customer's figures as of the date, computed from the orders and interactions. */
    public Optional<ActivityFigures> of(CustomerId customer, LocalDate asOf) {
        ActivityWindow window = window(asOf);
        return reading.execute(status -> store.computeOne(window, customer.value()));
    }

    /**
     * Brings the snapshot of today's figures and the monthly figures up to date: the customers whose orders or
     * interactions changed, and on the first refresh of a month everybody's window. Runs in its own transaction.
     */
    public ActivityRefresh refresh() {
        ActivityWindow window = ActivityWindow.asOf(today(), time.zone());
        return recorded(refreshing.execute(status -> store.refresh(window, time.now())));
    }

    /** Computes every customer's monthly and current figures again from all orders and interactions. */
    public ActivityRefresh rebuild() {
        ActivityWindow window = ActivityWindow.asOf(today(), time.zone());
        return recorded(refreshing.execute(status -> store.rebuild(window, time.now())));
    }

    private ActivityRefresh recorded(ActivityRefresh done) {
        String kind = done.rebuilt() ? "rebuild" : done.rolledOver() ? "rollover" : done.changedCustomers() > 0 ? "changes" : "none";
        Timer.builder("tierdesk.activity.refresh").description("Bringing the activity figures up to date")
                .tag("kind", kind).register(meters).record(done.took());
        if (done.rebuilt() || done.rolledOver()) {
            log.info("Activity figures {}: {} changed customers, {} rows written in {} ms", done.rebuilt()
                    ? "rebuilt from the orders" : "moved to the new month's window from the monthly figures",
                    done.changedCustomers(), done.written(), done.took().toMillis());
        }
        return done;
    }
}
