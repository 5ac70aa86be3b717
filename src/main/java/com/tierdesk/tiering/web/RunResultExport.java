package com.tierdesk.tiering.web;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ExportColumn;
import com.tierdesk.shared.ExportColumn.Kind;
import com.tierdesk.shared.ExportFormat;
import com.tierdesk.shared.TableExport;
import com.tierdesk.tiering.AssessmentResult;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.Assessments;
import com.tierdesk.tiering.ResultFilter;
import com.tierdesk.tiering.RunId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A run's results as a file, for the run page and the API: every result the change and tier filters keep, best score
 * first, read a page of {@value Assessments#MAX_PAGE} at a time, tiers and words in the reader's language.
 */
@Component
class RunResultExport {

    private final AssessmentResults results;
    private final TierLabels tierLabels;
    private final MessageSource messages;
    private final BusinessTime time;

    RunResultExport(AssessmentResults results, TierLabels tierLabels, MessageSource messages, BusinessTime time) {
        this.results = results;
        this.tierLabels = tierLabels;
        this.messages = messages;
        this.time = time;
    }

    /** Refuses a run without results (409) before the download starts. */
    void write(RunId run, ResultFilter change, String tier, ExportFormat format, Locale locale,
            HttpServletResponse response) throws IOException {
        results.countResults(run, change, tier);
        try (var export = TableExport.download(response, format, "run-" + run.value() + "-results", time.today(),
                time.zone(), List.of(
                        ExportColumn.text(text("tiering.results.customer", locale)),
                        ExportColumn.text(text("tiering.results.name", locale)),
                        new ExportColumn(text("tiering.results.score", locale), Kind.DECIMAL),
                        ExportColumn.text(text("tiering.results.graded", locale)),
                        ExportColumn.text(text("tiering.results.tier", locale)),
                        ExportColumn.text(text("tiering.results.previous", locale)),
                        ExportColumn.text(text("tiering.results.change", locale)),
                        ExportColumn.text(text("tiering.results.reason", locale))))) {
            int offset = 0;
            List<AssessmentResult> page;
            do {
                page = results.results(run, change, tier, offset, Assessments.MAX_PAGE);
                for (AssessmentResult r : page) {
                    export.row(r.customer().code(), r.customer().name(), r.score(), name(r.gradedTier(), locale),
                            name(r.tier(), locale), name(r.previousTier(), locale),
                            text("tiering.change." + r.change(), locale), text("tiering.reason." + r.reason(), locale));
                }
                offset += page.size();
            } while (page.size() == Assessments.MAX_PAGE);
            export.finish();
        }
    }

    private String name(String tier, Locale locale) {
        return tier == null ? null : tierLabels.names(List.of(tier), locale).get(0);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
