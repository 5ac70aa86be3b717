package com.tierdesk.ticket.web;

import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Reason;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.tierdesk.ticket.Complaint;
import com.tierdesk.ticket.TargetOutcome;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketMessage;
import com.tierdesk.ticket.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A ticket as the API shows it: the ticket, its conversation, its SLA targets, its timeline in words, and a
 * complaint's flow (absent for other types).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TicketResponse(Ticket ticket, List<TicketMessage> messages, List<TargetOutcome> targets,
                      List<TimelineLine> timeline, Complaint complaint) {

    /** A timeline entry with its {@code text} in the reader's language beside its stable code and arguments. */
    record TimelineLine(Instant at, String actor, String code, List<String> arguments, String text) {
    }

    static TicketResponse of(TicketDetail detail, ProblemMessages messages, Locale locale) {
        return new TicketResponse(detail.ticket(), detail.messages(), detail.targets(),
                detail.timeline().stream().map(entry -> line(entry, messages, locale)).toList(), detail.complaint());
    }

    private static TimelineLine line(TimelineEntry entry, ProblemMessages messages, Locale locale) {
        return new TimelineLine(entry.at(), entry.actor(), entry.code(), entry.arguments(),
                messages.text(new Reason(entry.code(), List.copyOf(entry.arguments())), locale));
    }
}
