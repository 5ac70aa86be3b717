package com.tierdesk.ticket.web;

import com.tierdesk.ticket.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A timeline entry in the reader's language, its status, type, priority, channel, language, role and return-kind
 * arguments worded too ("状态由新建改为处理中" rather than "NEW → OPEN"); other arguments (tiers, ids, tags) are shown
 * as stored. An argument none of the code's prefixes words (an account name, a count beside a worded type) is shown as
 * stored too.
 */
@Component
class TimelineText {

    private static final List<String> TYPE = List.of("sla.type.");
    private static final List<String> TYPE_AND_LANGUAGE = List.of("sla.type.", "language.");

    /** For each timeline code whose arguments are codes, the message prefixes that word them, tried in order. */
    private static final Map<String, List<String>> WORDED_ARGUMENTS = Map.ofEntries(
            Map.entry("ticket.timeline.status", List.of("ticket.status.")),
            Map.entry("ticket.timeline.type", TYPE),
            Map.entry("ticket.timeline.priority", List.of("sla.priority.")),
            Map.entry("ticket.timeline.created", List.of("ticket.channel.")),
            Map.entry("ticket.timeline.assignment.senior", TYPE),
            Map.entry("ticket.timeline.assignment.skilled", TYPE),
            Map.entry("ticket.timeline.assignment.senior-speaking", TYPE_AND_LANGUAGE),
            Map.entry("ticket.timeline.assignment.skilled-speaking", TYPE_AND_LANGUAGE),
            Map.entry("ticket.timeline.assignment.senior-any-language", TYPE_AND_LANGUAGE),
            Map.entry("ticket.timeline.assignment.skilled-any-language", TYPE_AND_LANGUAGE),
            Map.entry("ticket.timeline.assignment.nobody-available", TYPE),
            Map.entry("ticket.timeline.assignment.everyone-capped", TYPE),
            Map.entry("ticket.timeline.requeued.role", List.of("role.")),
            Map.entry("ticket.timeline.complaint.stage", List.of("ticket.complaint.stage.")),
            Map.entry("ticket.timeline.return.requested", List.of("return.kind.")),
            Map.entry("ticket.timeline.bulk-action", List.of("ticket.bulk.kind.")));

    private final MessageSource messages;

    TimelineText(MessageSource messages) {
        this.messages = messages;
    }

    String text(TimelineEntry entry, Locale locale) {
        List<String> prefixes = WORDED_ARGUMENTS.getOrDefault(entry.code(), List.of());
        List<Object> arguments = new ArrayList<>();
        for (String argument : entry.arguments()) {
            arguments.add(prefixes.stream().map(prefix -> messages.getMessage(prefix + argument, null, null, locale))
                    .filter(Objects::nonNull).findFirst().orElse(argument));
        }
        return messages.getMessage(entry.code(), arguments.toArray(), entry.code(), locale);
    }
}
