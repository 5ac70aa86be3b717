package com.tierdesk.ticket.web;

import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Reason;
import com.tierdesk.ticket.TargetOutcome;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketMessage;
import com.tierdesk.ticket.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A ticket as the API shows it: the ticket, its conversation, its SLA targets and its timeline in words. */
record TicketResponse(Ticket ticket, List<TicketMessage> messages, List<TargetOutcome> targets,
                      List<TimelineLine> timeline) {

    /** A timeline entry with its {@code text} in the reader's language beside its stable code and arguments. */
    record TimelineLine(Instant at, String actor, String code, List<String> arguments, String text) {
    }

    static TicketResponse of(TicketDetail detail, ProblemMessages messages, Locale locale) {
        return new TicketResponse(detail.ticket(), detail.messages(), detail.targets(),
                detail.timeline().stream().map(entry -> line(entry, messages, locale)).toList());
    }

    private static TimelineLine line(TimelineEntry entry, ProblemMessages messages, Locale locale) {
        return new TimelineLine(entry.at(), entry.actor(), entry.code(), entry.arguments(),
                messages.text(new Reason(entry.code(), List.copyOf(entry.arguments())), locale));
    }
}
