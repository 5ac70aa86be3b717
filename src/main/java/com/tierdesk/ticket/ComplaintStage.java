package com.tierdesk.ticket;

/** The steps of the complaint flow, in their order: record it, analyse the cause, the solution, the follow-up. */
public enum ComplaintStage {
    RECORD, CAUSE, SOLUTION, FOLLOW_UP;

    /** The stage that must be recorded before this one, or {@code null} for the first. */
    ComplaintStage previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
