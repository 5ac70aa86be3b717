package com.tierdesk.ticket;

import java.util.List;

/** One page of a queue (pages count from 0), the queue's count, and whether a page follows. */
public record QueuePage(List<QueueEntry> items, int page, int size, QueueCount total, boolean hasNext) {

    public QueuePage {
        items = List.copyOf(items);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** How many pages the queue has; known when its count is exact. */
    public int totalPages() {
        return (int) ((total.count() + size - 1) / size);
    }
}
