package com.tierdesk.sla;

import com.tierdesk.shared.InvalidValue;
import java.time.Instant;
import java.util.Objects;

/** One entry of a ticket's history as the SLA clock reads it; {@code tier} is set for CREATED and TIER_CHANGED. */
public record TicketEvent(Instant at, Kind kind, String tier) {

    public enum Kind {
        CREATED,
        PENDING_ON_CUSTOMER,
        PENDING_ON_THIRD_PARTY,
        RESUMED,
        /** A public reply by an agent (the first one meets the first response); automatic acknowledgements are not. */
        AGENT_PUBLIC_REPLY,
        CUSTOMER_MESSAGE,
        RETURN_DECIDED,
        SOLVED,
        REOPENED,
        TIER_CHANGED
    }

    public TicketEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.CREATED || kind == Kind.TIER_CHANGED) && (tier == null || tier.isBlank())) {
            throw new InvalidValue("problem.clock.needs-tier", kind);
        }
    }

    public static TicketEvent created(Instant at, String tier) {
        return new TicketEvent(at, Kind.CREATED, tier);
    }

    public static TicketEvent tierChanged(Instant at, String tier) {
        return new TicketEvent(at, Kind.TIER_CHANGED, tier);
    }

    public static TicketEvent of(Instant at, Kind kind) {
        return new TicketEvent(at, kind, null);
    }
}
