package com.tierdesk.ticket;

import java.util.Set;

/**
 * Where a return stands: requested, decided within 24 hours (approved or rejected), the goods received and inspected,
 * then refunded, exchanged or rejected with a reason.
 */
public enum ReturnStatus {
    REQUESTED, APPROVED, REJECTED, RECEIVED, INSPECTED, REFUNDED, EXCHANGED;

    /** The statuses a return in this one may move to. */
    public Set<ReturnStatus> next() {
        return switch (this) {
            case REQUESTED -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(RECEIVED);
            case RECEIVED -> Set.of(INSPECTED);
            case INSPECTED -> Set.of(REFUNDED, EXCHANGED, REJECTED);
            case REJECTED, REFUNDED, EXCHANGED -> Set.of();
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
