package com.tierdesk.mail.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ticket token by which a subject names its ticket. */
public final class MailHeaders {

    private static final Pattern TOKEN = Pattern.compile("\\[#T(\\d{1,18})]");

    private MailHeaders() {
    }

    /** The ticket a subject names by its token {@code [#T123]}; -1 for none. */
    public static long ticketOf(String subject) {
        Matcher matcher = TOKEN.matcher(subject == null ? "" : subject);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
