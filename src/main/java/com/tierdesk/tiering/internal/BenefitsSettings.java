package com.tierdesk.tiering.internal;

import com.tierdesk.tiering.TierBenefit;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tier benefits catalogue ({@code tierdesk.benefits.*}, see docs/operations.md): the benefits of each tier by
 * its code, and those of any tier the catalogue does not list.
 */
@ConfigurationProperties("tierdesk.benefits")
public record BenefitsSettings(Map<String, TierBenefit> tiers, @DefaultValue Standard standard) {

    public BenefitsSettings {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
    }

    /** The benefits of a tier the catalogue does not list: a week to return, nothing more. */
    public record Standard(@DefaultValue("false") boolean freeReturnShipping, @DefaultValue("7") int returnWindowDays,
            @DefaultValue("0") BigDecimal discountQuotaPercent, @DefaultValue("false") boolean priorityChannel) {

        public TierBenefit benefit() {
            return new TierBenefit(freeReturnShipping, returnWindowDays, discountQuotaPercent, priorityChannel);
        }
    }
}
