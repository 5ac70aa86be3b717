package com.tierdesk.cli;

import com.tierdesk.tiering.AssessmentResult;
import com.tierdesk.tiering.AssessmentResults;
import com.tierdesk.tiering.AssessmentRun;
import com.tierdesk.tiering.ResultFilter;
import com.tierdesk.tiering.RunSummary;
import com.tierdesk.tiering.Segment;
import com.tierdesk.tiering.Tier;
import com.tierdesk.tiering.TierCatalog;
import com.tierdesk.tiering.TierExplanation;
import com.tierdesk.tiering.scoring.DecisionReason;
import com.tierdesk.tiering.scoring.GradingReason;
import com.tierdesk.tiering.scoring.Numbers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A finished run as {@code tierdesk assess} prints it, in the reader's language: its parameters, the tier
 * distribution, the moves against the published tiers and, for a run of a few customers, each one's tier and why.
 */
@Component
class RunReport {

    /** Runs assessing at most this many customers list each of them. */
    static final int MOST_LISTED = 20;

    private final MessageSource messages;
    private final TierCatalog tiers;
    private final AssessmentResults results;

    RunReport(MessageSource messages, TierCatalog tiers, AssessmentResults results) {
        this.messages = messages;
        this.tiers = tiers;
        this.results = results;
    }

    void print(PrintWriter out, AssessmentRun run, Locale locale) {
        Map<String, String> names = tiers.tiers().stream().collect(Collectors.toMap(Tier::code, tier -> tier.name(locale)));
        Function<String, String> name = code -> code == null ? "—" : names.getOrDefault(code, code);
        out.println(text(locale, "tiering.assess.run", run.id().toString(), text(locale, "tiering.status." + run.status()),
                run.asOf().toString(), run.modelName().in(locale), run.modelVersion(), segment(run.segment(), locale)));
        if (run.error() != null) {
            out.println(text(locale, "tiering.run.failed", run.error()));
            return;
        }
        RunSummary summary = run.summary();
        out.println(text(locale, "tiering.assess.population", run.population(), run.assessed()));
        summary.distribution().forEach((tier, count) -> out.printf(locale, "  %-12s %,12d%n", name.apply(tier), count));
        out.println(text(locale, "tiering.assess.diff", summary.upgrades(), summary.downgrades(), summary.newCustomers(),
                summary.unchanged(), summary.held(), summary.churned()));
        if (run.assessed() <= MOST_LISTED) {
            for (AssessmentResult result : results.results(run.id(), ResultFilter.ALL, null, 0, MOST_LISTED)) {
                TierExplanation why = results.explain(run.id(), result.customer().id());
                out.printf(locale, "  %-16s %8s  %s → %s  %s%n", result.customer().code(),
                        result.score() == null ? "—" : Numbers.plain(result.score()), name.apply(why.gradedTier()),
                        name.apply(why.tier()), text(locale, "tiering.assess.why",
                                text(locale, "tiering.reason." + why.reason()), detail(why, locale)));
            }
        }
        Map<String, Long> millis = summary.millis();
        out.println(text(locale, "tiering.assess.took", millis.get("read"), millis.get("score"), millis.get("write")));
        out.println(text(locale, "tiering.assess.awaiting", run.startedBy()));
    }

    /** The figure that decided: the days without a paid order for the churn rule, otherwise how the grading went. */
    private String detail(TierExplanation why, Locale locale) {
        if (why.decision() instanceof DecisionReason.Churn churn) {
            return churn.daysWithoutPaidOrder() == null ? text(locale, "tiering.assess.churnLimit", churn.churnDays())
                    : text(locale, "tiering.assess.churn", churn.daysWithoutPaidOrder(), churn.churnDays());
        }
        GradingReason grading = why.grading();
        if (grading instanceof GradingReason.Threshold threshold) {
            return threshold.reached() != null ? text(locale, "tiering.assess.threshold", Numbers.plain(threshold.reached()))
                    : text(locale, "tiering.assess.below", Numbers.plain(threshold.missed()));
        }
        if (grading instanceof GradingReason.Quota quota) {
            return quota.rank() == null ? text(locale, "tiering.gradedBy.QUOTA")
                    : text(locale, "tiering.assess.quota", quota.rank(), quota.population());
        }
        if (grading instanceof GradingReason.Rule rule) {
            return text(locale, "tiering.assess.rule", rule.label().in(locale));
        }
        return text(locale, "tiering.gradedBy.OTHERWISE");
    }

    private String segment(Segment segment, Locale locale) {
        if (segment.everybodyIncluded()) {
            return text(locale, "tiering.segment.everybody");
        }
        List<String> parts = new ArrayList<>();
        part(parts, locale, "tiering.segment.tiers", segment.tiers());
        part(parts, locale, "tiering.segment.codes", segment.codes());
        part(parts, locale, "tiering.segment.industries", segment.industries());
        part(parts, locale, "tiering.segment.regions", segment.regions());
        part(parts, locale, "tiering.segment.owners", segment.owners());
        part(parts, locale, "tiering.segment.tags", segment.tags());
        if (segment.triggered()) {
            parts.add(text(locale, "tiering.segment.triggered"));
        }
        return String.join("; ", parts);
    }

    private void part(List<String> parts, Locale locale, String key, List<String> values) {
        if (!values.isEmpty()) {
            String shown = String.join(", ", values.size() > 5 ? values.subList(0, 5) : values);
            parts.add(text(locale, key) + ": " + shown + (values.size() > 5 ? " … (" + values.size() + ")" : ""));
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
