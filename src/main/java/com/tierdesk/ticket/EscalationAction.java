package com.tierdesk.ticket;

/** What an escalation step does; each notification goes to the console bell, and by email to those with an address. */
public enum EscalationAction {
    /** A notification to the ticket's assignee (to the supervisors when it has none). */
    NOTIFY_ASSIGNEE,
    /** A notification to every supervisor. */
    NOTIFY_SUPERVISORS,
    /** The ticket goes to the least-loaded senior agent (role SENIOR_AGENT), who is notified. */
    REASSIGN_TO_SENIOR
}
