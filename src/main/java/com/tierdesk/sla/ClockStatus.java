package com.tierdesk.sla;

/** Where an SLA target stands. */
public enum ClockStatus {
    ON_TRACK,
    AT_RISK,
    BREACHED,
    MET,
    /** Ended without being owed: solved without the reply or decision it waited for, or dropped at a tier change. */
    NOT_APPLICABLE
}
