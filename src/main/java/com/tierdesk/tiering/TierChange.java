package com.tierdesk.tiering;

import java.time.Instant;

/** One entry of a customer's tier timeline: the new effective tier and what caused it. */
public record TierChange(String tier, String previousTier, Instant changedAt, Source source, RunId run, Long overrideId) {

    public enum Source { RUN, OVERRIDE, OVERRIDE_ENDED }
}
