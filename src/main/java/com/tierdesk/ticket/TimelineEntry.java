package com.tierdesk.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One change on a ticket's timeline: who did it, when, and what, as a message code ({@code ticket.timeline.*}) and
 * its arguments, put in words in the reader's language.
 */
public record TimelineEntry(Instant at, String actor, String code, List<String> arguments) {

    public TimelineEntry {
        arguments = List.copyOf(arguments);
    }

    public static TimelineEntry of(Instant at, String actor, String code, Object... arguments) {
        return new TimelineEntry(at, actor, code, Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
