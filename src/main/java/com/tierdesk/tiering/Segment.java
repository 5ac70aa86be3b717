package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerSelection;
import java.util.List;

/**
 * The customers a run assesses: those matching every non-empty criterion (any of its values), or everybody.
 * {@code tiers} are current effective tiers; {@code triggered} selects the customers whose recorded triggers
 * started the run (a day's spend drops). Percentiles and quotas are still taken over the whole population.
 */
public record Segment(List<String> tiers, List<String> codes, List<String> industries, List<String> regions,
        List<String> owners, List<String> tags, Boolean triggered) {

    public static final int MAX_CODES = 10_000;

    public Segment(List<String> tiers, List<String> codes, List<String> industries, List<String> regions,
            List<String> owners, List<String> tags) {
        this(tiers, codes, industries, regions, owners, tags, false);
    }

    public Segment {
        triggered = Boolean.TRUE.equals(triggered);
        tiers = tiers == null ? List.of() : tiers.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        CustomerSelection clean = new CustomerSelection(codes, industries, regions, owners, tags);
        codes = clean.codes();
        industries = clean.industries();
        regions = clean.regions();
        owners = clean.owners();
        tags = clean.tags();
    }

    public static Segment everybody() {
        return new Segment(null, null, null, null, null, null);
    }

    public static Segment ofTiers(List<String> tiers) {
        return new Segment(tiers, null, null, null, null, null);
    }

    public static Segment ofCodes(List<String> codes) {
        return new Segment(null, codes, null, null, null, null);
    }

    /** The customers whose triggers started the run. */
    public static Segment triggeredCustomers() {
        return new Segment(null, null, null, null, null, null, true);
    }

    public boolean everybodyIncluded() {
        return !triggered && tiers.isEmpty() && selection().selectsEverybody();
    }

    public CustomerSelection selection() {
        return new CustomerSelection(codes, industries, regions, owners, tags);
    }
}
