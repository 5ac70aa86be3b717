package com.tierdesk.tiering.web;

import com.tierdesk.tiering.Benefits;
import com.tierdesk.tiering.TierBenefit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tier benefits", description = "The tier benefits catalogue, from configuration")
class BenefitsApiController {

    private final Benefits benefits;

    BenefitsApiController(Benefits benefits) {
        this.benefits = benefits;
    }

    @GetMapping("/api/v1/tiering/benefits")
    @Operation(summary = "Each tier's benefits by tier code, best tier first")
    Map<String, TierBenefit> catalogue() {
        Map<String, TierBenefit> byCode = new LinkedHashMap<>();
        benefits.catalogue().forEach((tier, benefit) -> byCode.put(tier.code(), benefit));
        return byCode;
    }
}
