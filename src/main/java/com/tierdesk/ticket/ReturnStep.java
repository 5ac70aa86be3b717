package com.tierdesk.ticket;

import java.time.Instant;

/** One step on a return's timeline: who moved it to which status, when, and why if they said. */
public record ReturnStep(Instant at, String actor, ReturnStatus status, String note) {
}
