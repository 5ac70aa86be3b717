package com.tierdesk.knowledge;

/** What an editor writes for a quick reply: a unique name, the body with its variables and the language. */
public record TemplateDraft(String name, String body, String language) {
}
