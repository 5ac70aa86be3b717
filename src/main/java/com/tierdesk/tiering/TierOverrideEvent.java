package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened to a tier override, as its transitions return it (see {@link TierOverride}): each event carries the
 * override, its customer, who did it, when, and the note given. A transition that changes the customer's effective
 * tier is followed by a {@link TierChanged}.
 */
public sealed interface TierOverrideEvent {

    long overrideId();

    CustomerId customerId();

    /** The account that caused the transition ({@code system} for an expiry). */
    String by();

    Instant at();

    /** An account manager asked for the tier until a date. */
    record Requested(long overrideId, CustomerId customerId, String tier, LocalDate expiresOn, String reason, String by,
            Instant at) implements TierOverrideEvent {
    }

    /** Another supervisor put the override in force. */
    record Approved(long overrideId, CustomerId customerId, String tier, String by, Instant at, String note)
            implements TierOverrideEvent {
    }

    /** A supervisor refused the request, with a reason. */
    record Rejected(long overrideId, CustomerId customerId, String by, Instant at, String note) implements TierOverrideEvent {
    }

    /** A supervisor ended the override before its expiry. */
    record Revoked(long overrideId, CustomerId customerId, String tier, String by, Instant at, String note)
            implements TierOverrideEvent {
    }

    /** The expiry date came. */
    record Expired(long overrideId, CustomerId customerId, String tier, LocalDate expiresOn, Instant at)
            implements TierOverrideEvent {

        public static final String BY = "system";

        @Override
        public String by() {
            return BY;
        }
    }
}
