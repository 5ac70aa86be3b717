package com.tierdesk.knowledge;

import java.time.Instant;

/**
 * A quick reply: its name, its language and its body with variables such as {@code {{customer.name}}}
 * ({@link ReplyTemplates#VARIABLES}); {@code version} counts its saves (optimistic locking).
 */
public record ReplyTemplate(long id, String name, String body, String language, long version, String updatedBy,
                            Instant updatedAt) {
}
