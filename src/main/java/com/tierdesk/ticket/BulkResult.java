package com.tierdesk.ticket;

import com.tierdesk.shared.FieldProblem;
import java.util.List;

/**
 * What a bulk action did: the tickets it changed, those it found as asked already, and those a rule kept from the
 * change, each with its reason.
 */
public record BulkResult(List<TicketId> applied, List<TicketId> unchanged, List<Refused> refused) {

    public BulkResult {
        applied = List.copyOf(applied);
        unchanged = List.copyOf(unchanged);
        refused = List.copyOf(refused);
    }

    /** A ticket left as it was, and why. */
    public record Refused(TicketId ticket, FieldProblem reason) {
    }
}
