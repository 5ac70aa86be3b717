package com.tierdesk.ticket;

/** How a ticket stands against its running SLA targets now: the worst of them. */
public enum SlaRisk {
    ON_TRACK, AT_RISK, BREACHED
}
