package com.tierdesk.customer;

import com.tierdesk.customer.internal.PurchaseHistoryReader;
import com.tierdesk.shared.NotFound;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' purchase histories, read from the aggregates kept current with every order write:
 * one customer's for display, or every customer's, streamed, for scoring the whole population.
 */
@Service
public class PurchaseAggregates {

    private final PurchaseHistoryReader reader;

    PurchaseAggregates(PurchaseHistoryReader reader) {
        this.reader = reader;
    }

    /** The customer's history for the {@value PurchaseHistory#MONTHS} months ending with {@code asOf}. */
    @Transactional(readOnly = true)
    public PurchaseHistory history(CustomerId customer, YearMonth asOf) {
        var history = new AtomicReference<PurchaseHistory>();
        reader.readOne(customer.value(), asOf, history::set);
        if (history.get() == null) {
            throw new NotFound("id", "problem.no-customer-id", customer.value());
        }
        return history.get();
    }

    /**
     * Hands every customer's history, exactly once and in customer id order, to the consumer; customers
     * without orders come with zeros. One query streams the rows, so memory stays flat for millions of
     * customers as long as the consumer does not keep every history. The consumer runs inside this read's
     * transaction (the caller's, if there is one), so what it writes commits together with the run.
     *
     * @return how many customers were read
     */
    @Transactional
    public long forEach(YearMonth asOf, Consumer<PurchaseHistory> consumer) {
        return reader.readAll(asOf, consumer);
    }
}
