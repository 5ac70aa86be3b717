package com.tierdesk.shared;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * The file formats a list exports to, chosen with {@code ?format=csv} or {@code ?format=xlsx} on the list's own
 * address (console and API alike); a request naming another format is refused (400) before anything is read.
 */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The download's name: the list's name and the business date, {@code customers-2026-11-28.xlsx}. */
    public String fileName(String list, LocalDate today) {
        return list + "-" + today + "." + extension;
    }

    /** Reads {@code ?format=} in any case: {@code csv}, {@code xlsx}. */
    @Component
    static class FromParameter implements Converter<String, ExportFormat> {

        @Override
        public ExportFormat convert(String value) {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
