package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerTierTimeline;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.TierTimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customer's own timeline: the tier changes the customer module has recorded from the tiering module's events. */
@RestController
@Tag(name = "Customers")
class CustomerTimelineApiController {

    private final Customers customers;
    private final CustomerTierTimeline timeline;

    CustomerTimelineApiController(Customers customers, CustomerTierTimeline timeline) {
        this.customers = customers;
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/customers/{code}/timeline")
    @Operation(summary = "The customer's tier changes, newest first, each with its cause (an assessment run, an override "
            + "in force or ended) and the run's or override's id")
    List<TierTimelineEntry> timeline(@PathVariable String code) {
        return timeline.of(customers.get(code).id());
    }
}
