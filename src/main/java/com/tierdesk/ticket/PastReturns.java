package com.tierdesk.ticket;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads returns with a past: each is requested at its instant, opening its ticket then, and goes through its steps at
 * theirs, by the same rules as returns today, so that the ticket's return decision is met, breached or still owed as
 * it would have been.
 */
@Service
public class PastReturns {

    private final Returns returns;
    private final Tickets tickets;

    PastReturns(Returns returns, Tickets tickets) {
        this.returns = returns;
        this.tickets = tickets;
    }

    /** Loads the returns in one transaction; returns how many it loaded. */
    @Transactional
    public int load(List<PastReturn> past) {
        for (PastReturn pastReturn : past) {
            ReturnRequest request = returns.request(pastReturn.draft(), pastReturn.channel(), pastReturn.requestedBy(),
                    pastReturn.requestedAt());
            for (PastReturn.Step step : pastReturn.steps()) {
                if (step.to() != null) {
                    returns.move(request.id(), step.to(), step.note(), null, step.actor(), step.at());
                    continue;
                }
                long version = tickets.get(request.ticket()).ticket().version();
                if (step.reply() != null) {
                    tickets.addMessage(request.ticket(), version, new MessageDraft(MessageKind.PUBLIC_REPLY,
                            step.reply()), step.actor(), step.at());
                } else {
                    tickets.changeStatus(request.ticket(), version, step.ticketStatus(), step.actor(), step.at());
                }
            }
        }
        return past.size();
    }
}
