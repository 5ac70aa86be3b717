package com.tierdesk.tiering.web;

import com.tierdesk.tiering.TieringTriggers;
import com.tierdesk.tiering.TieringTriggers.CheckOutcome;
import com.tierdesk.tiering.TieringTriggers.LastCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tiering/checks")
@PreAuthorize("hasRole('SUPERVISOR')")
@Tag(name = "Tiering checks", description = "The daily cadence, spend-drop and churn-warning checks, run now")
class ChecksApiController {

    private final TieringTriggers triggers;

    ChecksApiController(TieringTriggers triggers) {
        this.triggers = triggers;
    }

    @PostMapping
    @Operation(summary = "Run the daily checks now", description = "Records what is due today exactly as the daily "
            + "check does, and what was recorded before (by this or the daily check) is not recorded again: cadence "
            + "runs started, spend drops and the run that reassesses them, churn warnings, and catch-up warnings for "
            + "older lapses within the day's allowance. The runs start as the caller, who therefore cannot approve them.")
    CheckOutcome check(Authentication caller) {
        return triggers.check(caller.getName());
    }

    @GetMapping
    @Operation(summary = "When the checks last ran, and for whom (204 before the first check)")
    ResponseEntity<LastCheck> last() {
        return triggers.lastCheck().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }
}
