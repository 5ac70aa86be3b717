package com.tierdesk.shared;

/** A field problem in the reader's words, as answers and pages show it: the field, the reason and its stable code. */
public record ShownProblem(String field, String reason, String code) {
}
