package com.tierdesk.ticket;

/**
 * How many open tickets a queue holds, counted up to {@link #LIMIT}: exact up to it, and beyond it {@code more} (the
 * console shows 1,000+ as the views of large helpdesks do), because counting a million open tickets at every refresh
 * costs far more than the exact number tells anyone.
 */
public record QueueCount(long count, boolean more) {

    public static final int LIMIT = 1_000;

    /** The count of {@code counted} tickets, read up to one past the limit. */
    static QueueCount of(long counted) {
        return counted > LIMIT ? new QueueCount(LIMIT, true) : new QueueCount(counted, false);
    }
}
