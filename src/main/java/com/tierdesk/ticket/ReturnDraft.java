package com.tierdesk.ticket;

import java.util.List;

/**
 * A return or exchange as asked for.
 *
 * @param email    where the customer hears of each step; {@code null} means the customer's email address
 * @param language {@code zh} or {@code en}, the language of those emails; {@code null} means Chinese
 * @param ticket   the id of the return/exchange ticket the request is made from; {@code null} opens a new one
 */
public record ReturnDraft(String orderExternalId, ReturnKind kind, String reason, List<LineDraft> lines,
        String email, String language, Long ticket) {

    /** A request that opens its own ticket. */
    public ReturnDraft(String orderExternalId, ReturnKind kind, String reason, List<LineDraft> lines, String email,
            String language) {
        this(orderExternalId, kind, reason, lines, email, language, null);
    }

    /** An order line, by its number, and how many of it come back. */
    public record LineDraft(Integer lineNo, Integer quantity) {
    }
}
