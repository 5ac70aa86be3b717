package com.tierdesk.customer.web;

import com.tierdesk.customer.LabelKind;
import com.tierdesk.shared.NotFound;
import java.util.Arrays;

/** The kinds of labelled codes as the API's and the console's paths and forms name them. */
enum LabelKindPath {
    INDUSTRIES(LabelKind.INDUSTRY), TAGS(LabelKind.TAG);

    private final LabelKind kind;

    LabelKindPath(LabelKind kind) {
        this.kind = kind;
    }

    static LabelKind read(String segment) {
        return Arrays.stream(values()).filter(path -> path.name().equalsIgnoreCase(segment == null ? "" : segment.strip()))
                .findFirst().map(path -> path.kind)
                .orElseThrow(() -> new NotFound("kind", "problem.no-label-kind", segment));
    }
}
