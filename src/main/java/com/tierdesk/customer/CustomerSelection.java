package com.tierdesk.customer;

import java.util.List;

/**
 * Which customers a piece of bulk work is about: every criterion that is not empty must match (any of its
 * values); an empty selection selects everybody.
 */
public record CustomerSelection(List<String> codes, List<String> industries, List<String> regions,
        List<String> owners, List<String> tags) {

    public CustomerSelection {
        codes = clean(codes);
        industries = clean(industries);
        regions = clean(regions);
        owners = clean(owners);
        tags = clean(tags);
    }

    public static CustomerSelection everybody() {
        return new CustomerSelection(null, null, null, null, null);
    }

    public static CustomerSelection ofCodes(List<String> codes) {
        return new CustomerSelection(codes, null, null, null, null);
    }

    public boolean selectsEverybody() {
        return codes.isEmpty() && industries.isEmpty() && regions.isEmpty() && owners.isEmpty() && tags.isEmpty();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).distinct().toList();
    }
}
