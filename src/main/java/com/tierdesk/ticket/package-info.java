/**
 * Service requests: intake (idempotent), conversation, status with its named transition policy, the timeline of every
 * change, each ticket's SLA clocks replayed by the {@code sla} module and stored per target, the SLA watcher that
 * wakes at each ticket's next at-risk or breach instant and escalates, assignment to people by named rules, and the
 * complaint flow (see docs/tickets.md). This package holds what other modules call; the API is in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "customer", "tiering", "sla", "shared", "security", "notification", "task"})
package com.tierdesk.ticket;
