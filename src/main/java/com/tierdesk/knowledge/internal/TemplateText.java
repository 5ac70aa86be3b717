package com.tierdesk.knowledge.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The variables of a quick reply's body, written {@code {{customer.name}}}, and the body with them filled in. */
public final class TemplateText {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private TemplateText() {
    }

    /** The variables the body names, in order, each once. */
    public static Set<String> variables(String body) {
        var found = new LinkedHashSet<String>();
        Matcher matcher = VARIABLE.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The body with each variable replaced by its value; a variable without one is left as written. */
    public static String fill(String body, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(body);
        var filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
