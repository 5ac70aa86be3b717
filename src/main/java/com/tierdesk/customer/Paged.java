package com.tierdesk.customer;

import java.util.List;

/** One page of a longer list; pages count from 0. */
public record Paged<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public Paged {
        items = List.copyOf(items);
    }

    public static <T> Paged<T> of(List<T> items, PageSpec spec, long totalItems) {
        int pages = (int) ((totalItems + spec.size() - 1) / spec.size());
        return new Paged<>(items, spec.page(), spec.size(), totalItems, pages);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }
}
