package com.tierdesk.sla;

/** The kinds of service request an SLA policy distinguishes. */
public enum TicketType {
    INQUIRY, COMPLAINT, URGENT_REQUEST, TECHNICAL_ISSUE, RETURN_EXCHANGE
}
