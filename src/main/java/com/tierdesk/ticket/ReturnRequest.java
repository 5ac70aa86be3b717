package com.tierdesk.ticket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return or exchange (RMA) and its timeline.
 *
 * @param tier               the customer's tier when the request was made, whose benefits it gets
 * @param decisionDueAt      24 hours (wall clock) after the request: approve or reject by then
 * @param returnWindowDays   the tier's return window the request was checked against
 * @param freeReturnShipping whether the shop pays the return shipping (a benefit of the tier)
 * @param refundAmount       what was refunded; {@code null} until refunded
 * @param outcomeNote        why it was rejected, or a note on the refund or exchange
 */
public record ReturnRequest(long id, String orderExternalId, String customerCode, String tier, ReturnKind kind,
        String reason, ReturnStatus status, String email, String language, Instant requestedAt, String requestedBy,
        Instant decisionDueAt, int returnWindowDays, boolean freeReturnShipping, BigDecimal refundAmount,
        String outcomeNote, List<ReturnLine> lines, List<ReturnStep> steps) {

    public ReturnRequest {
        lines = List.copyOf(lines);
        steps = List.copyOf(steps);
    }

    /** Whether the decision is late: still requested after its deadline. */
    public boolean decisionOverdue(Instant now) {
        return status == ReturnStatus.REQUESTED && now.isAfter(decisionDueAt);
    }

    /** What the lines coming back cost: the refund unless another amount is given. */
    public BigDecimal linesAmount() {
        return lines.stream().map(ReturnLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
