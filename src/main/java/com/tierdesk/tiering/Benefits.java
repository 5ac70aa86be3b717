package com.tierdesk.tiering;

import com.tierdesk.tiering.internal.BenefitsSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The tier benefits catalogue, read from configuration: free return shipping, the return window, the discount quota
 * and the priority channel of each tier. A tier the catalogue does not list (and a customer without a tier) gets the
 * standard benefits.
 */
@Service
public class Benefits {

    private final Map<String, TierBenefit> byTier = new LinkedHashMap<>();
    private final TierBenefit standard;
    private final TierCatalog catalog;

    Benefits(BenefitsSettings settings, TierCatalog catalog) {
        settings.tiers().forEach((tier, benefit) -> byTier.put(tier.toUpperCase(Locale.ROOT), benefit));
        this.standard = settings.standard().benefit();
        this.catalog = catalog;
    }

    /** The benefits of the tier with this code; the standard ones for {@code null} or a tier not listed. */
    public TierBenefit of(String tier) {
        return tier == null ? standard : byTier.getOrDefault(tier.toUpperCase(Locale.ROOT), standard);
    }

    /** Every tier of the ladder with its benefits, best tier first. */
    public Map<Tier, TierBenefit> catalogue() {
        Map<Tier, TierBenefit> catalogue = new LinkedHashMap<>();
        catalog.tiers().forEach(tier -> catalogue.put(tier, of(tier.code())));
        return catalogue;
    }

    public TierBenefit standard() {
        return standard;
    }
}
