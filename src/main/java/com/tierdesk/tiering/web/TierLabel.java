package com.tierdesk.tiering.web;

/** A rung of the tier ladder as the console shows it: its code, its rank (1 = best) and its name in the reader's language. */
record TierLabel(String code, int rank, String name) {
}
