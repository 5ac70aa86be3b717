package com.tierdesk.customer;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One file to import.
 *
 * @param format        CSV or JSON; {@code null} to decide by the file name
 * @param charset       the declared encoding; {@code null} to detect UTF-8 (with or without BOM) or GB18030
 * @param columnMapping the file's header to TierDesk's field name, for files with other headers
 */
public record ImportRequest(ImportKind kind, Path file, String fileName, ImportFormat format, ImportMode mode,
        Charset charset, Map<String, String> columnMapping) {

    public ImportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        fileName = fileName == null ? file.getFileName().toString() : fileName;
        mode = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
        columnMapping = columnMapping == null ? Map.of() : Map.copyOf(columnMapping);
    }

    public static ImportRequest of(ImportKind kind, Path file) {
        return new ImportRequest(kind, file, null, null, ImportMode.ALL_OR_NOTHING, null, Map.of());
    }
}
