package com.tierdesk.security;

import java.util.List;

/**
 * The ticket types a person can be skilled in, provided by the module that defines them (the SLA policy's types), so
 * that accounts check skills without depending on it.
 */
public interface TicketTypeCatalog {

    /** The type codes, such as {@code COMPLAINT}. */
    List<String> codes();
}
