package com.tierdesk.ticket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.tierdesk.sla.ClockStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return or exchange (RMA) and its timeline.
 *
 * @param ticket             the ticket of type return/exchange the request opened or was made from; {@code null} for
 *                           a return made before returns had tickets
 * @param tier               the customer's tier when the request was made, whose benefits it gets
 * @param decisionDueAt      approve or reject by then: the due instant of the ticket's return-decision target (24
 *                           calendar hours after the request in the shipped policy)
 * @param returnWindowDays   the tier's return window the request was checked against
 * @param freeReturnShipping whether the shop pays the return shipping (a benefit of the tier)
 * @param refundAmount       what was refunded; {@code null} until refunded
 * @param outcomeNote        why it was rejected, or a note on the refund or exchange
 * @param decision           the ticket's return-decision target as last stored; {@code null} without one
 */
public record ReturnRequest(long id, TicketId ticket, String orderExternalId, String customerCode, String tier,
        ReturnKind kind, String reason, ReturnStatus status, String email, String language, Instant requestedAt,
        String requestedBy, Instant decisionDueAt, int returnWindowDays, boolean freeReturnShipping,
        BigDecimal refundAmount, String outcomeNote, List<ReturnLine> lines, List<ReturnStep> steps,
        @JsonIgnore Decision decision) {

    public ReturnRequest {
        lines = List.copyOf(lines);
        steps = List.copyOf(steps);
    }

    /**
     * The ticket's return-decision target as stored with the ticket's last change.
     *
     * @param atRiskAt   when the running target turns (or turned) at risk
     * @param achievedAt when the decision was made, or missed
     */
    public record Decision(Instant due, Instant atRiskAt, ClockStatus status, boolean running, Instant achievedAt) {

        /**
         * Where the target stands at {@code now}: an ended one as it ended (met, breached, not applicable); a running
         * one breached once past its due instant, at risk from its at-risk instant, else on track.
         */
        public ClockStatus statusAt(Instant now) {
            if (!running) {
                return status;
            }
            if (now.isAfter(due)) {
                return ClockStatus.BREACHED;
            }
            return atRiskAt != null && !now.isBefore(atRiskAt) ? ClockStatus.AT_RISK : ClockStatus.ON_TRACK;
        }
    }

    /** Where the decision's SLA target stands at {@code now}; {@code null} for a return without a ticket. */
    public ClockStatus decisionStatus(Instant now) {
        return decision == null ? null : decision.statusAt(now);
    }

    /** What the lines coming back cost: the refund unless another amount is given. */
    public BigDecimal linesAmount() {
        return lines.stream().map(ReturnLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
