package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerInteractions;
import com.tierdesk.customer.Interaction;
import com.tierdesk.customer.InteractionDraft;
import com.tierdesk.customer.Upserted;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Interactions", description = "Inquiries, feedback, complaints, referrals, product usage and more")
class InteractionApiController {

    private final CustomerInteractions interactions;

    InteractionApiController(CustomerInteractions interactions) {
        this.interactions = interactions;
    }

    @PutMapping("/{externalId}")
    @Operation(summary = "Upsert an interaction by external id",
            description = "Creates (201) or updates (200) idempotently; the customer is referenced by code (422 if unknown)")
    ResponseEntity<Interaction> put(@PathVariable String externalId, @RequestBody InteractionDraft draft) {
        if (draft.externalId() != null && !draft.externalId().equals(externalId)) {
            throw InvalidInput.of("externalId", "problem.path-mismatch", ApiProblems.echo(externalId));
        }
        Upserted<Interaction> result = interactions.upsert(new InteractionDraft(externalId, draft.customerCode(),
                draft.kind(), draft.occurredAt(), draft.channel(), draft.subject(), draft.detail(), draft.product(),
                draft.usageHours(), draft.featureActivationRate(), draft.referredCustomerCode()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.value());
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "Read an interaction")
    Interaction get(@PathVariable String externalId) {
        return interactions.get(externalId);
    }
}
