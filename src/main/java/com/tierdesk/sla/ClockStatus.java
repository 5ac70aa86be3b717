package com.tierdesk.sla;

/** Where an SLA target stands. */
public enum ClockStatus {
    ON_TRACK, AT_RISK, BREACHED, MET
}
