package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerSort;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.InvalidInput;
import java.util.Locale;

/** The {@code sort} query parameter: {@code name}, {@code code}, {@code created} or {@code spend}, then {@code ,asc} or {@code ,desc}. */
record SortParameter(CustomerSort sort, boolean descending) {

    static SortParameter parse(String value) {
        String[] parts = value.strip().toLowerCase(Locale.ROOT).split(",", 2);
        boolean descending = parts.length == 2 && parts[1].strip().equals("desc");
        if (parts.length == 2 && !descending && !parts[1].strip().equals("asc")) {
            throw invalid(value);
        }
        CustomerSort sort = switch (parts[0].strip()) {
            case "name" -> CustomerSort.NAME;
            case "code" -> CustomerSort.CODE;
            case "created" -> CustomerSort.CREATED;
            case "spend", "lifetimespend" -> CustomerSort.LIFETIME_SPEND;
            default -> throw invalid(value);
        };
        return new SortParameter(sort, descending);
    }

    private static InvalidInput invalid(String value) {
        return InvalidInput.of("sort", "problem.customer.sort", ApiProblems.echo(value));
    }
}
