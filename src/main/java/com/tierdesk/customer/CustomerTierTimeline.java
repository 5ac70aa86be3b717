package com.tierdesk.customer;

import com.tierdesk.customer.internal.TierTimelineRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's own timeline of tier changes, kept by the customer module for the customer's pages and API without
 * reading the tiering module's tables. The tiering module feeds it from its events (docs/architecture.md, Events
 * between modules); an event delivered twice records nothing twice.
 */
@Service
@Transactional(readOnly = true)
public class CustomerTierTimeline {

    private final TierTimelineRepository repository;

    CustomerTierTimeline(TierTimelineRepository repository) {
        this.repository = repository;
    }

    /**
     * Records the changes with one statement, each once (by customer, cause and cause id); changes of customers that
     * no longer exist are skipped. @return how many were new
     */
    @Transactional
    public int record(List<TierTimelineEntry> entries) {
        return entries.isEmpty() ? 0 : repository.insertNew(entries);
    }

    /** The customer's tier changes, newest first. */
    public List<TierTimelineEntry> of(CustomerId customer) {
        return repository.of(customer);
    }
}
