package com.tierdesk.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code tierdesk.demo.*}: whether an empty database is filled with demo data at start, and how much. */
@ConfigurationProperties("tierdesk.demo")
record DemoDataSettings(@DefaultValue("false") boolean enabled, @DefaultValue("3000") int customers,
        @DefaultValue("12") int ordersPerCustomer, @DefaultValue("20240101") long seed,
        @DefaultValue("600") int tickets) {
}
