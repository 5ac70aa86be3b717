package com.tierdesk.tiering.web;

import com.tierdesk.tiering.IndustryGrowth;
import com.tierdesk.tiering.IndustryGrowthRate;
import com.tierdesk.tiering.TieringTriggers;
import com.tierdesk.tiering.TriggerRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tiering")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Tiering data", description = "The industry growth table and the recorded triggers")
class IndustryGrowthApiController {

    private final IndustryGrowth growth;
    private final TieringTriggers triggers;

    IndustryGrowthApiController(IndustryGrowth growth, TieringTriggers triggers) {
        this.growth = growth;
        this.triggers = triggers;
    }

    record GrowthRequest(BigDecimal growthPercent, String source) {
    }

    @GetMapping("/industry-growth")
    @Operation(summary = "Growth rates per industry and year, in percent")
    List<IndustryGrowthRate> rates() {
        return growth.rates();
    }

    @PutMapping("/industry-growth/{industry}/{year}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Set an industry's growth rate for a year")
    IndustryGrowthRate put(@PathVariable String industry, @PathVariable int year, @RequestBody GrowthRequest request,
            Authentication caller) {
        return growth.put(industry, year, request.growthPercent(), request.source(), caller.getName());
    }

    @DeleteMapping("/industry-growth/{industry}/{year}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an industry's growth rate for a year")
    void remove(@PathVariable String industry, @PathVariable int year) {
        growth.remove(industry, year);
    }

    @GetMapping("/triggers")
    @Operation(summary = "Recorded triggers (cadence, spend drop, churn warning), newest first, each with its reason")
    List<TriggerRecord> triggers(@RequestParam(defaultValue = "50") int limit) {
        return triggers.recent(Math.max(1, Math.min(limit, 500)));
    }
}
