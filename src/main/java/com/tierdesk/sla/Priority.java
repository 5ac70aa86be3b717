package com.tierdesk.sla;

/** A ticket's priority; a policy row without one applies to every priority. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
