package com.tierdesk.mail.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The headers and subject token by which TierDesk's own mail is known. */
public final class MailHeaders {

    /** Set on every message TierDesk sends, so that a copy coming back is never answered. */
    public static final String LOOP = "X-TierDesk-Loop";

    private static final Pattern TOKEN = Pattern.compile("\\[#T(\\d{1,18})]");

    private MailHeaders() {
    }

    /** The ticket token of a subject: {@code [#T123]}. */
    public static String token(long ticket) {
        return "[#T" + ticket + "]";
    }

    /** The ticket a subject names by its token; -1 for none. */
    public static long ticketOf(String subject) {
        Matcher matcher = TOKEN.matcher(subject == null ? "" : subject);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
