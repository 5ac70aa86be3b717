package com.tierdesk.tiering.web;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.CurrentTier;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.TierChange;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Customer tiers", description = "Current tiers, their explanation and timeline, overrides")
class CustomerTierApiController {

    private final Customers customers;
    private final CustomerTiers tiers;
    private final AssessmentResults results;
    private final TierOverrides overrides;
    private final ExplanationViews explanations;

    CustomerTierApiController(Customers customers, CustomerTiers tiers, AssessmentResults results, TierOverrides overrides,
            ExplanationViews explanations) {
        this.customers = customers;
        this.tiers = tiers;
        this.results = results;
        this.overrides = overrides;
        this.explanations = explanations;
    }

    /** The customer's tier now and, when a published run assessed them, why. */
    record CustomerTier(String customerCode, CurrentTier current, ExplainedTier explanation) {
    }

    record OverrideRequest(String tier, String reason, LocalDate expiresOn) {
    }

    record Decision(String note) {
    }

    @GetMapping("/api/v1/customers/{code}/tier")
    @Operation(summary = "The customer's current tier with the explanation of the published run behind it")
    CustomerTier tier(@PathVariable String code, Locale locale) {
        Customer customer = customers.get(code);
        CurrentTier current = tiers.current(customer.id()).orElse(null);
        ExplainedTier explanation = current == null || current.assessedBy() == null ? null
                : explanations.explained(results.explain(current.assessedBy(), customer.id()), locale);
        return new CustomerTier(code, current, explanation);
    }

    @GetMapping("/api/v1/customers/{code}/tier-timeline")
    @Operation(summary = "The customer's tier changes, oldest first, each with the run or override behind it")
    List<TierChange> timeline(@PathVariable String code) {
        return tiers.timeline(customers.get(code).id());
    }

    @GetMapping("/api/v1/tiering/distribution")
    @Operation(summary = "Customers per current tier")
    Map<String, Long> distribution() {
        return tiers.distribution();
    }

    @PostMapping("/api/v1/customers/{code}/tier-overrides")
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a manual tier until a date, with a reason; a supervisor other than the caller approves")
    TierOverride requestOverride(@PathVariable String code, @RequestBody OverrideRequest request, Authentication caller) {
        return overrides.request(code, request.tier(), request.reason(), request.expiresOn(), caller.getName());
    }

    @GetMapping("/api/v1/customers/{code}/tier-overrides")
    @Operation(summary = "The customer's overrides, newest first")
    List<TierOverride> customerOverrides(@PathVariable String code) {
        return overrides.ofCustomer(customers.get(code).id());
    }

    @GetMapping("/api/v1/tiering/overrides")
    @Operation(summary = "Overrides, newest first, optionally with one status")
    List<TierOverride> overrides(@RequestParam(required = false) TierOverride.Status status,
            @RequestParam(defaultValue = "50") int limit) {
        return overrides.list(status, Math.max(1, Math.min(limit, 500)));
    }

    @PostMapping("/api/v1/tiering/overrides/{id}/approve")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Put a requested override in force (not by its requester)")
    TierOverride approve(@PathVariable long id, @RequestBody(required = false) Decision decision, Authentication caller) {
        return overrides.approve(id, caller.getName(), decision == null ? null : decision.note());
    }

    @PostMapping("/api/v1/tiering/overrides/{id}/reject")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Refuse a requested override, with a reason")
    TierOverride reject(@PathVariable long id, @RequestBody Decision decision, Authentication caller) {
        return overrides.reject(id, caller.getName(), decision.note());
    }

    @PostMapping("/api/v1/tiering/overrides/{id}/revoke")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "End an override in force; the assessed tier applies again")
    TierOverride revoke(@PathVariable long id, @RequestBody(required = false) Decision decision, Authentication caller) {
        return overrides.revoke(id, caller.getName(), decision == null ? null : decision.note());
    }
}
