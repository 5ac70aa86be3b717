package com.tierdesk.tiering.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.CustomerTierTimeline;
import com.tierdesk.customer.TierTimelineEntry;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.TierChanged;
import com.tierdesk.tiering.TiersPublished;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Feeds the customer module's own tier timeline from tiering's events. It lives here, not in {@code customer},
 * because {@code tiering} depends on {@code customer}: a listener there would make the modules depend on each other
 * (docs/architecture.md, Events between modules). A run's changes are read and recorded a page at a time, each page in
 * its own transaction; a redelivered event (at least once) records nothing twice.
 */
@Component
class CustomerTimelineFeed {

    private static final Logger log = LoggerFactory.getLogger(CustomerTimelineFeed.class);

    static final int PAGE = CustomerTiers.MAX_CHANGES;

    private final CustomerTiers tiers;
    private final CustomerTierTimeline timeline;

    CustomerTimelineFeed(CustomerTiers tiers, CustomerTierTimeline timeline) {
        this.tiers = tiers;
        this.timeline = timeline;
    }

    @ApplicationModuleListener(id = "tiering.customer-timeline.run", propagation = Propagation.NOT_SUPPORTED)
    void on(TiersPublished published) {
        CustomerId after = null;
        List<TierChanged> page;
        long recorded = 0;
        do {
            page = tiers.changesOf(published.run(), after, PAGE);
            recorded += timeline.record(page.stream().map(CustomerTimelineFeed::entry).toList());
            after = page.isEmpty() ? after : page.get(page.size() - 1).customerId();
            log.debug("Run {}: customers' timelines up to customer {}, {} changes recorded", published.run(), after, recorded);
        } while (page.size() == PAGE);
    }

    @ApplicationModuleListener(id = "tiering.customer-timeline.override")
    void on(TierChanged changed) {
        timeline.record(List.of(entry(changed)));
    }

    static TierTimelineEntry entry(TierChanged change) {
        return switch (change.source()) {
            case RUN -> entry(change, TierTimelineEntry.Cause.ASSESSMENT, change.run().value());
            case OVERRIDE -> entry(change, TierTimelineEntry.Cause.OVERRIDE, change.overrideId());
            case OVERRIDE_ENDED -> entry(change, TierTimelineEntry.Cause.OVERRIDE_ENDED, change.overrideId());
        };
    }

    private static TierTimelineEntry entry(TierChanged change, TierTimelineEntry.Cause cause, long causeId) {
        return new TierTimelineEntry(change.customerId(), change.at(), change.to(), change.from(), cause, causeId,
                change.note());
    }
}
