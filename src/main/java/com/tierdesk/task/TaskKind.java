package com.tierdesk.task;

/** What a task is about; the list grows with the capabilities that create tasks. */
public enum TaskKind {
    /** A customer has not paid an order for the churn limit (流失预警): the owner calls and wins them back. */
    CHURN_WARNING
}
