package com.tierdesk.sla;

import java.util.List;

/**
 * A new version of the policy matrix as a form or the API sends it, every value as text so that each mistake
 * can be named: the note in Chinese and English (either may be empty), rows of tier, type, priority (empty for
 * every priority), target, duration ({@code 8h}, {@code 30m}, {@code PT1H}) and calendar.
 */
public record PolicyDraft(PolicyNote note, String liveChatFirstReply, List<Row> rows) {

    public record Row(String tier, String type, String priority, String target, String duration, String calendar) {

        public boolean blank() {
            return isBlank(tier) && isBlank(type) && isBlank(priority) && isBlank(target) && isBlank(duration)
                    && isBlank(calendar);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
