package com.tierdesk.tiering;

/** Where an assessment run stands: queued, running, waiting for a supervisor, decided, published. */
public enum RunStatus {
    QUEUED, RUNNING, FAILED, AWAITING_APPROVAL, REJECTED, APPROVED, PUBLISHED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
