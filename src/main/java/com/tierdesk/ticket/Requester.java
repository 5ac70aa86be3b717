package com.tierdesk.ticket;

/**
 * Who asked, as they gave it: any of name, email and phone may be missing. {@code language} is the language they
 * speak, a code of {@code tierdesk.people.languages} (such as {@code zh}); a draft without one gets the configured
 * default ({@code tierdesk.tickets.default-language}), and tickets taken in before it was kept have none.
 */
public record Requester(String name, String email, String phone, String language) {

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
