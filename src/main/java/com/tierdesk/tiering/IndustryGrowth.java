package com.tierdesk.tiering;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.TextRules;
import com.tierdesk.tiering.internal.IndustryGrowthStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-industry growth table behind the industry-growth metric: a run as of a date reads each industry's
 * rate for the latest year up to the date's year. Customers whose industry has no rate score 0 on it.
 */
@Service
@Transactional(readOnly = true)
public class IndustryGrowth {

    private static final BigDecimal LIMIT = new BigDecimal("1000");
    private static final int MAX_INDUSTRY = 64;
    private static final int MAX_SOURCE = 200;

    private final IndustryGrowthStore store;
    private final BusinessTime time;

    IndustryGrowth(IndustryGrowthStore store, BusinessTime time) {
        this.store = store;
        this.time = time;
    }

    public List<IndustryGrowthRate> rates() {
        return store.all().stream().map(e -> new IndustryGrowthRate(e.industry(), e.year(), e.growthPercent(), e.source(),
                e.updatedAt(), e.updatedBy())).toList();
    }

    /** Sets the industry's rate for the year (adding or replacing it). */
    @Transactional
    public IndustryGrowthRate put(String industry, int year, BigDecimal growthPercent, String source, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.requiredLine(industry, MAX_INDUSTRY).ifPresent(reason -> problems.add(new FieldProblem("industry", reason)));
        if (year < 1900 || year > 2999) {
            problems.add(FieldProblem.of("year", "problem.growth.year"));
        }
        if (growthPercent == null || growthPercent.abs().compareTo(LIMIT) >= 0 || growthPercent.scale() > 2) {
            problems.add(FieldProblem.of("growthPercent", "problem.growth.percent"));
        }
        TextRules.line(source, MAX_SOURCE).ifPresent(reason -> problems.add(new FieldProblem("source", reason)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String kept = source == null || source.isBlank() ? null : source.strip();
        var entry = new IndustryGrowthStore.Entry(industry.strip(), year, growthPercent, kept, time.now(), by);
        store.put(entry);
        return new IndustryGrowthRate(entry.industry(), year, growthPercent, kept, entry.updatedAt(), by);
    }

    @Transactional
    public void remove(String industry, int year) {
        if (!store.delete(industry, year)) {
            throw new NotFound("industry/year", "problem.no-growth-rate", industry, year);
        }
    }
}
