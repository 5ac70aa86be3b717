package com.tierdesk.customer;

import java.util.Locale;
import java.util.Map;

/**
 * The names of the tiers customers are graded into, in the reader's language, best tier first. The customer module
 * keeps each customer's tier as a code (its own tier timeline) and shows it by name through this interface, which the
 * module that keeps the tier ladder implements: the names stay current when the ladder is renamed, and the customer
 * module does not depend on that module.
 */
public interface TierNames {

    /** Tier code to name, best tier first. */
    Map<String, String> names(Locale locale);
}
