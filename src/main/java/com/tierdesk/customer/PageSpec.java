package com.tierdesk.customer;

import com.tierdesk.shared.InvalidInput;

/** Which page of a list to read: page counts from 0, size is 1 to {@value #MAX_SIZE}. */
public record PageSpec(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageSpec {
        if (page < 0) {
            throw InvalidInput.of("page", "problem.negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInput.of("size", "problem.between", 1, MAX_SIZE);
        }
    }

    public static PageSpec first(int size) {
        return new PageSpec(0, size);
    }

    public long offset() {
        return (long) page * size;
    }
}
