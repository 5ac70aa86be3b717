package com.tierdesk.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** An interval, {@code from} inclusive and {@code to} exclusive, during which an SLA clock does not run. */
public record Pause(Instant from, Instant to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a pause ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The pauses sorted by start, overlapping and touching ones merged, empty ones dropped. */
    public static List<Pause> merged(List<Pause> pauses) {
        if (pauses.isEmpty()) {
            return List.of();
        }
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        List<Pause> merged = new ArrayList<>();
        Pause current = null;
        for (Pause pause : sorted) {
            if (pause.from.equals(pause.to)) {
                continue;
            }
            if (current != null && !pause.from.isAfter(current.to)) {
                current = new Pause(current.from, pause.to.isAfter(current.to) ? pause.to : current.to);
            } else {
                if (current != null) {
                    merged.add(current);
                }
                current = pause;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return List.copyOf(merged);
    }
}
