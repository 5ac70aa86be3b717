/**
 * Service requests: intake (idempotent), conversation, status with its named transition policy, the timeline of every
 * change, each ticket's SLA clocks replayed by the {@code sla} module and stored per target, and the SLA watcher that
 * wakes at each ticket's next at-risk or breach instant and escalates (see docs/tickets.md).
 * This package holds what other modules call; the API is in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "tiering", "sla", "shared", "security", "notification"})
package com.tierdesk.ticket;
