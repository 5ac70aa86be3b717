package com.tierdesk.sla;

import java.util.Locale;
import java.util.Optional;

/** File formats for a calendar's holidays and make-up days. */
public enum HolidayFormat {
    /** iCalendar: one all-day VEVENT per date or range, CATEGORIES HOLIDAY or MAKEUP_WORKDAY. */
    ICS("text/calendar", "ics"),
    /** CSV with the header {@code date,kind,name}; kind is holiday or workday (a make-up working day). */
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    HolidayFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named ({@code ics}, {@code csv}) or implied by a file name's extension. */
    public static Optional<HolidayFormat> of(String nameOrFile) {
        if (nameOrFile == null) {
            return Optional.empty();
        }
        String value = nameOrFile.strip().toLowerCase(Locale.ROOT);
        for (HolidayFormat format : values()) {
            if (value.equals(format.extension) || value.endsWith("." + format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
