/**
 * Service requests: intake (idempotent), conversation, status with its named transition policy, the timeline of every
 * change, each ticket's SLA clocks replayed by the {@code sla} module and stored per target, assignment to people by
 * named rules, and the complaint flow (see docs/tickets.md). This package holds what other modules call; the API is in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "customer", "tiering", "sla", "shared", "security", "task"})
package com.tierdesk.ticket;
