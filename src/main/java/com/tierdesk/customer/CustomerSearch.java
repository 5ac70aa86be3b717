package com.tierdesk.customer;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.TextRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer search: {@code q} matches a fragment of the code, name, phone or email, ignoring case;
 * the other criteria must match exactly; {@code null} criteria are not applied. {@code tier} is the customer's
 * current tier (the latest entry of their tier timeline); {@code churnRisk} keeps only the customers at risk of
 * churning ({@link #CHURN_RISK_DAYS}). Every criterion is a line no longer than the longest value it can match.
 */
public record CustomerSearch(String q, String industry, CustomerKind kind, String region, String tag, String owner,
        String tier, boolean churnRisk, CustomerSort sort, boolean descending, PageSpec page) {

    /**
     * A customer is at risk of churning when their last paid order was this many days ago or more (by business date):
     * the tiering churn rule's default limit. Customers who never paid an order are not at risk: they have not started.
     */
    public static final int CHURN_RISK_DAYS = 90;
    private static final int MAX_TIER_LENGTH = 32;

    public CustomerSearch {
        q = blankToNull(q);
        industry = blankToNull(industry);
        region = blankToNull(region);
        tag = blankToNull(tag);
        owner = blankToNull(owner);
        tier = blankToNull(tier);
        sort = sort == null ? CustomerSort.NAME : sort;
        page = page == null ? PageSpec.first(PageSpec.DEFAULT_SIZE) : page;
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "q", q, FieldRules.MAX_NAME_LENGTH);
        check(problems, "industry", industry, 64);
        check(problems, "region", region, 100);
        check(problems, "tag", tag, FieldRules.MAX_TAG_LENGTH);
        check(problems, "owner", owner, 100);
        check(problems, "tier", tier, MAX_TIER_LENGTH);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static void check(List<FieldProblem> problems, String field, String value, int maxLength) {
        TextRules.line(value, maxLength).ifPresent(reason -> problems.add(new FieldProblem(field, reason)));
    }

    public static CustomerSearch all(PageSpec page) {
        return new CustomerSearch(null, null, null, null, null, null, null, false, null, false, page);
    }

    public static CustomerSearch matching(String q, PageSpec page) {
        return new CustomerSearch(q, null, null, null, null, null, null, false, null, false, page);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
