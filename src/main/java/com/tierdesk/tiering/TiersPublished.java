package com.tierdesk.tiering;

import java.time.Instant;

/**
 * An approved run was published at {@code publishedAt}: {@code changes} customers got a new effective tier (a first
 * publication changes every customer's). One event for the whole run, however many customers it moved: listeners
 * read the changes in pages with {@link CustomerTiers#changesOf}.
 */
public record TiersPublished(RunId run, Instant publishedAt, long changes) {
}
