package com.tierdesk.ticket;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.TierChanged;
import com.tierdesk.tiering.TiersPublished;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells the customers' tickets of their new tiers: an override's change at once, a published run's a page at a
 * time, each page in its own transaction ({@link Tickets#applyTierChanges}, which records nothing twice).
 */
@Component
class TierChangeFeed {

    static final int PAGE = CustomerTiers.MAX_CHANGES;

    private final CustomerTiers tiers;
    private final Tickets tickets;

    TierChangeFeed(CustomerTiers tiers, Tickets tickets) {
        this.tiers = tiers;
        this.tickets = tickets;
    }

    @ApplicationModuleListener(id = "ticket.tier-change.run", propagation = Propagation.NOT_SUPPORTED)
    void on(TiersPublished published) {
        CustomerId after = null;
        List<TierChanged> page;
        do {
            page = tiers.changesOf(published.run(), after, PAGE);
            tickets.applyTierChanges(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).customerId();
        } while (page.size() == PAGE);
    }

    @ApplicationModuleListener(id = "ticket.tier-change.override")
    void on(TierChanged changed) {
        tickets.applyTierChanges(List.of(changed));
    }
}
