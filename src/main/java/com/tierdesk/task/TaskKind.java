package com.tierdesk.task;

/** What a task is about; the list grows with the capabilities that create tasks. */
public enum TaskKind {
    /** A customer has not paid an order for the churn limit (流失预警): the owner calls and wins them back. */
    CHURN_WARNING,
    /** A ticket found nobody to take it (all away or at their cap): a supervisor assigns it by hand. */
    UNASSIGNED_TICKET,
    /** A complex complaint has closed (回访): its owner calls the customer to confirm they are satisfied. */
    COMPLAINT_CALLBACK
}
