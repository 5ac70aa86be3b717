package com.tierdesk.ticket.web;

import com.tierdesk.ticket.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A timeline entry in the reader's language, its status, type, priority and channel arguments worded too ("状态由
 * 新建改为处理中" rather than "NEW → OPEN"); other arguments (tiers, ids, tags) are shown as stored. An argument the
 * prefix does not word (an account name, a count beside a worded type) is shown as stored too.
 */
@Component
class TimelineText {

    /** For each timeline code whose arguments are codes, the message prefix that words them. */
    private static final Map<String, String> WORDED_ARGUMENTS = Map.of(
            "ticket.timeline.status", "ticket.status.",
            "ticket.timeline.type", "sla.type.",
            "ticket.timeline.priority", "sla.priority.",
            "ticket.timeline.created", "ticket.channel.",
            "ticket.timeline.assignment.senior", "sla.type.",
            "ticket.timeline.assignment.skilled", "sla.type.",
            "ticket.timeline.assignment.nobody-available", "sla.type.",
            "ticket.timeline.assignment.everyone-capped", "sla.type.",
            "ticket.timeline.complaint.stage", "ticket.complaint.stage.");

    private final MessageSource messages;

    TimelineText(MessageSource messages) {
        this.messages = messages;
    }

    String text(TimelineEntry entry, Locale locale) {
        String prefix = WORDED_ARGUMENTS.get(entry.code());
        List<Object> arguments = new ArrayList<>();
        for (String argument : entry.arguments()) {
            arguments.add(prefix == null ? argument : messages.getMessage(prefix + argument, null, argument, locale));
        }
        return messages.getMessage(entry.code(), arguments.toArray(), entry.code(), locale);
    }
}
