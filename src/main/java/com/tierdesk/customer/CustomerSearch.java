package com.tierdesk.customer;

/**
 * A customer search: {@code q} matches a fragment of the code, name, phone or email, ignoring case;
 * the other criteria must match exactly; {@code null} criteria are not applied.
 */
public record CustomerSearch(String q, String industry, CustomerKind kind, String region, String tag, String owner,
        CustomerSort sort, boolean descending, PageSpec page) {

    public CustomerSearch {
        q = blankToNull(q);
        industry = blankToNull(industry);
        region = blankToNull(region);
        tag = blankToNull(tag);
        owner = blankToNull(owner);
        sort = sort == null ? CustomerSort.NAME : sort;
        page = page == null ? PageSpec.first(PageSpec.DEFAULT_SIZE) : page;
    }

    public static CustomerSearch all(PageSpec page) {
        return new CustomerSearch(null, null, null, null, null, null, null, false, page);
    }

    public static CustomerSearch matching(String q, PageSpec page) {
        return new CustomerSearch(q, null, null, null, null, null, null, false, page);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
