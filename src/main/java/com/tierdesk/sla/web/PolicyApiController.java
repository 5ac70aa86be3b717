package com.tierdesk.sla.web;

import com.tierdesk.sla.PolicyDraft;
import com.tierdesk.sla.PolicyMatrix;
import com.tierdesk.sla.SlaPolicies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sla/policies")
@PreAuthorize("isAuthenticated()")
@Tag(name = "SLA policies", description = "The versioned tier × type (× priority) policy matrix")
class PolicyApiController {

    private final SlaPolicies policies;

    PolicyApiController(SlaPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "List the policy versions, latest first (without rows)")
    List<PolicyMatrix> versions() {
        return policies.versions();
    }

    @GetMapping("/current")
    @Operation(summary = "The current policy matrix", description = "Durations are ISO-8601 (PT8H); a row without "
            + "priority applies to every priority.")
    PolicyMatrix current() {
        return policies.current();
    }

    @GetMapping("/{version}")
    @Operation(summary = "One policy version; old versions stay readable")
    PolicyMatrix version(@PathVariable int version) {
        return policies.version(version);
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Publish a new version of the matrix", description = "Every row: tier (a configured tier "
            + "code), type (INQUIRY, COMPLAINT, URGENT_REQUEST, TECHNICAL_ISSUE, RETURN_EXCHANGE), priority (LOW, "
            + "NORMAL, HIGH, URGENT or empty for every priority), target (FIRST_RESPONSE, NEXT_REPLY, PERIODIC_UPDATE, "
            + "RESOLUTION, RETURN_DECISION), duration (8h, 30m, 1h30m or PT8H; longer than zero) and calendar. "
            + "422 lists every problem; nothing is stored then.")
    ResponseEntity<PolicyMatrix> publish(@RequestBody PolicyDraft draft, Authentication caller) {
        PolicyMatrix matrix = policies.publish(draft, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + matrix.version())).body(matrix);
    }
}
