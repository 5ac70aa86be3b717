package com.tierdesk.sla;

import java.util.Map;

/**
 * A calendar as a form or the API sends it: code, name, time zone and, per weekday ({@code MONDAY} …), its
 * working periods as text such as {@code 09:00-12:00, 13:00-18:00} (empty for a day off).
 */
public record CalendarDraft(String code, String name, String zone, Map<String, String> hours) {
}
