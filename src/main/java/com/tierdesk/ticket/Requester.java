package com.tierdesk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who asked, as they gave it: any of name, email and phone may be missing. {@code language} is the language they
 * speak, a code of {@code tierdesk.people.languages} (such as {@code zh}); a draft without one gets the configured
 * default ({@code tierdesk.tickets.default-language}), and tickets taken in before it was kept have none. A missing
 * language is left out of the JSON, so that a draft without one hashes as it did before it was kept, and a retry of
 * a request taken in then is still known by its {@code Idempotency-Key}.
 */
public record Requester(String name, String email, String phone,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String language) {

    public static final Requester NONE = new Requester(null, null, null, null);

    /** A requester who did not say which language they speak. */
    public Requester(String name, String email, String phone) {
        this(name, email, phone, null);
    }

    /** As stored: blanks as missing, the rest stripped, the language the default when missing. */
    Requester cleaned(String defaultLanguage) {
        String spoken = TicketRules.strip(language);
        return new Requester(TicketRules.strip(name), TicketRules.strip(email), TicketRules.strip(phone),
                spoken == null ? defaultLanguage : spoken);
    }
}
