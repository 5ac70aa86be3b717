package com.tierdesk.ticket;

import com.tierdesk.sla.SlaTarget;
import java.time.Instant;

/**
 * An open ticket in a queue: its running target due first ({@code nextPaused} when that clock is paused, so its due
 * instant moves on) and how it stands against all its running targets now.
 */
public record QueueEntry(Ticket ticket, SlaTarget nextTarget, Instant nextDue, boolean nextPaused, SlaRisk risk) {
}
