package com.tierdesk.tiering.web;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.ProblemMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every tiering console page shares: the tier ladder in the reader's language ({@code tierLabels}, code to
 * label, best first), the display time zone, and a 404 page for an unknown run, model, override or customer.
 */
@ControllerAdvice(assignableTypes = {WorkbenchConsoleController.class, RunConsoleController.class,
        ModelConsoleController.class, OverrideConsoleController.class, IndustryGrowthConsoleController.class,
        CustomerTierPanelController.class})
class TieringConsoleAdvice {

    private final TierLabels labels;
    private final String zone;
    private final ProblemMessages problemMessages;

    TieringConsoleAdvice(TierLabels labels, BusinessTime time, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
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

    @ExceptionHandler
    void notFound(NotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, problemMessages.text(e));
    }
}
