package com.tierdesk.shared;

/**
 * The version a client read, as it sends it back for an optimistic edit: an If-Match entity tag ({@code "3"},
 * {@code W/"3"}) or, where the API allows, a version field in the body. Each caller names its own refusals, so that
 * they speak of the ticket, the customer or the article.
 */
public final class IfMatch {

    private static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /**
     * The version from If-Match, else from the body; neither is refused with {@code requiredCode}, an If-Match that
     * is not a version with {@code malformedCode} (its argument: the header as sent).
     */
    public static long version(String ifMatch, Long bodyVersion, String requiredCode, String malformedCode) {
        if (ifMatch == null) {
            if (bodyVersion == null) {
                throw InvalidInput.of(HEADER, requiredCode);
            }
            return bodyVersion;
        }
        return version(ifMatch, malformedCode);
    }

    /** The version an If-Match header names; one that is not a version is refused with {@code malformedCode}. */
    public static long version(String ifMatch, String malformedCode) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw InvalidInput.of(HEADER, malformedCode, ApiProblems.echo(ifMatch));
        }
    }
}
