package com.tierdesk.knowledge;

/** A ticket tag that no published article carries, and how many tickets of the period carried it. */
public record TagGap(String tag, long tickets) {
}
