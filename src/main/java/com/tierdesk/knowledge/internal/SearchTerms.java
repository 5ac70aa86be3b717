package com.tierdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits text into the terms the knowledge index keeps and searches: a run of Chinese characters (Han script) into its
 * overlapping pairs of characters ("申请退货" → 申请, 请退, 退货), a run of one Chinese character into that character,
 * and other letters and digits into lower-cased words. Chinese is written without spaces, so pairs find words of two
 * characters or more without a dictionary; a query is split the same way, so it matches exactly where the pairs do.
 */
public final class SearchTerms {

    /** The longest term kept: the column's width; a longer word is cut there on both sides alike. */
    public static final int MAX_TERM = 64;

    private SearchTerms() {
    }

    /** Every term of the text, in order, repeated as often as it occurs. */
    public static List<String> of(String text) {
        var terms = new ArrayList<String>();
        if (text == null) {
            return terms;
        }
        var han = new StringBuilder();
        var word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isHan(c)) {
                flushWord(word, terms);
                han.appendCodePoint(c);
            } else if (Character.isLetterOrDigit(c)) {
                flushHan(han, terms);
                word.appendCodePoint(c);
            } else {
                flushHan(han, terms);
                flushWord(word, terms);
            }
        });
        flushHan(han, terms);
        flushWord(word, terms);
        return terms;
    }

    /** Each term of the text with how often it occurs, in order of first occurrence. */
    public static Map<String, Integer> counted(String text) {
        var counts = new LinkedHashMap<String, Integer>();
        of(text).forEach(term -> counts.merge(term, 1, Integer::sum));
        return counts;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static void flushHan(StringBuilder han, List<String> terms) {
        int[] chars = han.codePoints().toArray();
        if (chars.length == 1) {
            terms.add(new String(chars, 0, 1));
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            terms.add(new String(chars, i, 2));
        }
        han.setLength(0);
    }

    private static void flushWord(StringBuilder word, List<String> terms) {
        if (!word.isEmpty()) {
            String lower = word.toString().toLowerCase(Locale.ROOT);
            boolean tooLong = lower.codePointCount(0, lower.length()) > MAX_TERM;
            terms.add(tooLong ? lower.substring(0, lower.offsetByCodePoints(0, MAX_TERM)) : lower);
            word.setLength(0);
        }
    }
}
