package com.tierdesk.ticket;

/** What an escalation step does. */
public enum EscalationAction {
    /** A console notification to the ticket's assignee (to the supervisors when it has none). */
    NOTIFY_ASSIGNEE,
    /** A console notification to every supervisor. */
    NOTIFY_SUPERVISORS,
    /** The ticket goes to the least-loaded senior agent (role SENIOR_AGENT), who is notified. */
    REASSIGN_TO_SENIOR
}
