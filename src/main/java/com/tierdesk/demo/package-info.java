/**
 * Realistic demo data: a fast, seeded generator of customers, orders and interactions, written as import files and
 * loaded through the customer module's bulk import; on a first start also an industry growth table, a first
 * published grading, three months of tickets, a handful of returns in every state and a knowledge base with quick
 * replies. Used by the first start on an empty database, by {@code tierdesk demo-data} and by the benchmarks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "customer", "knowledge", "shared", "sla", "ticket", "tiering"})
package com.tierdesk.demo;
