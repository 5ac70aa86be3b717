package com.tierdesk.ticket;

/** How many open tickets of a tier are at risk now, and how many breached. */
public record RiskCount(String tier, QueueCount atRisk, QueueCount breached) {
}
