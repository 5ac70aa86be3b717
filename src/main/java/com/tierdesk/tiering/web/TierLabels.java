package com.tierdesk.tiering.web;

import com.tierdesk.tiering.TierCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The tier ladder as the console names it, in the reader's language. */
@Component
class TierLabels {

    private final TierCatalog catalog;

    TierLabels(TierCatalog catalog) {
        this.catalog = catalog;
    }

    /** Code to label, best tier first. */
    Map<String, TierLabel> of(Locale locale) {
        Map<String, TierLabel> labels = new LinkedHashMap<>();
        catalog.tiers().forEach(tier -> labels.put(tier.code(), new TierLabel(tier.code(), tier.rank(), tier.name(locale))));
        return labels;
    }

    /** The names of the codes, a code without a tier as itself. */
    List<String> names(List<String> codes, Locale locale) {
        Map<String, TierLabel> labels = of(locale);
        return codes.stream().map(code -> labels.containsKey(code) ? labels.get(code).name() : code).toList();
    }
}
