package com.tierdesk.ticket;

/** How many open tickets of a tier have a target at risk, and how many one breached. */
public record RiskCount(String tier, long atRisk, long breached) {
}
