package com.tierdesk.tiering.web;

import com.tierdesk.shared.BusinessTime;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every tiering console page shares: the tier ladder in the reader's language ({@code tierLabels}, code to
 * label, best first) and the display time zone. An unknown run, model, override or customer ({@code NotFound}) is the
 * console's 404 page ({@code ConsoleErrorPages}).
 */
@ControllerAdvice(assignableTypes = {WorkbenchConsoleController.class, RunConsoleController.class,
        ModelConsoleController.class, OverrideConsoleController.class, IndustryGrowthConsoleController.class,
        CustomerTierPanelController.class, BenefitsConsoleController.class})
class TieringConsoleAdvice {

    private final TierLabels labels;
    private final String zone;

    TieringConsoleAdvice(TierLabels labels, BusinessTime time) {
        this.labels = labels;
        this.zone = time.zone().getId();
    }

    @ModelAttribute("tierLabels")
    Map<String, TierLabel> tierLabels(Locale locale) {
        return labels.of(locale);
    }

    @ModelAttribute("zone")
    String zone() {
        return zone;
    }
}
