package com.tierdesk.security;

import java.time.Instant;

/** One entry of the audit log: who did what to which subject, and when. */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String subject, String detail) {
}
