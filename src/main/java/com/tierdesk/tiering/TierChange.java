package com.tierdesk.tiering;

import java.time.Instant;

/**
 * One entry of a customer's tier timeline: the new effective tier, what caused it, and the supervisor's note on that
 * decision ({@code null} without one).
 */
public record TierChange(String tier, String previousTier, Instant changedAt, Source source, RunId run, Long overrideId,
        String note) {

    public enum Source { RUN, OVERRIDE, OVERRIDE_ENDED }
}
