package com.tierdesk.customer;

import com.tierdesk.shared.Reason;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to import.
 *
 * @param format                 CSV or JSON; {@code null} to decide by the file name
 * @param charset                the declared encoding; {@code null} to detect UTF-8 (with or without BOM) or GB18030
 * @param columnMapping          the file's header to TierDesk's field name, for files with other headers; {@code -}
 *                               ignores a column, {@code a,b} fills two fields from one column
 * @param delimiter              the CSV field separator ({@code null} for a comma, {@code tab} for a tab), or
 *                               {@link #WHITESPACE} for files whose fields are separated by runs of blanks
 * @param constants              fields with the same value on every row, for files that lack them (e.g. {@code status=PAID})
 * @param externalIdFrom         for files without an external id: the fields it is derived from, joined with the
 *                               occurrence of that combination in the file, so that re-importing the file finds the same ids
 * @param createMissingCustomers orders and interactions for an unknown customer code create that customer, named by its
 *                               code, instead of being rejected
 */
public record ImportRequest(ImportKind kind, Path file, String fileName, ImportFormat format, ImportMode mode,
        Charset charset, Map<String, String> columnMapping, String delimiter, Map<String, String> constants,
        List<String> externalIdFrom, boolean createMissingCustomers) {

    /** The delimiter value for fields separated by one or more spaces or tabs. */
    public static final String WHITESPACE = "whitespace";
    public static final int MAX_DELIMITER_LENGTH = 8;

    public ImportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        fileName = fileName == null ? file.getFileName().toString() : fileName;
        mode = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
        columnMapping = columnMapping == null ? Map.of() : Map.copyOf(columnMapping);
        delimiter = delimiter == null || delimiter.isEmpty() ? "," : "tab".equalsIgnoreCase(delimiter) ? "\t" : delimiter;
        constants = constants == null ? Map.of() : Map.copyOf(constants);
        externalIdFrom = externalIdFrom == null ? List.of() : List.copyOf(externalIdFrom);
    }

    public ImportRequest(ImportKind kind, Path file, String fileName, ImportFormat format, ImportMode mode,
            Charset charset, Map<String, String> columnMapping) {
        this(kind, file, fileName, format, mode, charset, columnMapping, null, null, null, false);
    }

    /**
     * Why the delimiter cannot separate CSV fields, or empty: it is 1 to {@value #MAX_DELIMITER_LENGTH} characters
     * without line breaks, quotes or control characters other than tab.
     */
    public static Optional<Reason> delimiterProblem(String delimiter) {
        if (delimiter == null || delimiter.isEmpty() || WHITESPACE.equalsIgnoreCase(delimiter)) {
            return Optional.empty();
        }
        if (delimiter.length() > MAX_DELIMITER_LENGTH) {
            return Optional.of(Reason.of("problem.too-long", MAX_DELIMITER_LENGTH));
        }
        if (delimiter.chars().anyMatch(c -> c == '"' || Character.isISOControl(c) && c != '\t')) {
            return Optional.of(Reason.of("problem.import.delimiter"));
        }
        return Optional.empty();
    }

    public static ImportRequest of(ImportKind kind, Path file) {
        return new ImportRequest(kind, file, null, null, ImportMode.ALL_OR_NOTHING, null, Map.of());
    }

    public ImportRequest withFileName(String name) {
        return new ImportRequest(kind, file, name, format, mode, charset, columnMapping, delimiter, constants,
                externalIdFrom, createMissingCustomers);
    }

    public ImportRequest withFormat(ImportFormat newFormat) {
        return new ImportRequest(kind, file, fileName, newFormat, mode, charset, columnMapping, delimiter, constants,
                externalIdFrom, createMissingCustomers);
    }

    public ImportRequest withMode(ImportMode newMode) {
        return new ImportRequest(kind, file, fileName, format, newMode, charset, columnMapping, delimiter, constants,
                externalIdFrom, createMissingCustomers);
    }

    public ImportRequest withCharset(Charset newCharset) {
        return new ImportRequest(kind, file, fileName, format, mode, newCharset, columnMapping, delimiter, constants,
                externalIdFrom, createMissingCustomers);
    }

    public ImportRequest withColumnMapping(Map<String, String> mapping) {
        return new ImportRequest(kind, file, fileName, format, mode, charset, mapping, delimiter, constants,
                externalIdFrom, createMissingCustomers);
    }

    public ImportRequest withDelimiter(String newDelimiter) {
        return new ImportRequest(kind, file, fileName, format, mode, charset, columnMapping, newDelimiter, constants,
                externalIdFrom, createMissingCustomers);
    }

    public ImportRequest withConstants(Map<String, String> newConstants) {
        return new ImportRequest(kind, file, fileName, format, mode, charset, columnMapping, delimiter, newConstants,
                externalIdFrom, createMissingCustomers);
    }

    public ImportRequest withExternalIdFrom(List<String> fields) {
        return new ImportRequest(kind, file, fileName, format, mode, charset, columnMapping, delimiter, constants,
                fields, createMissingCustomers);
    }

    public ImportRequest withCreateMissingCustomers(boolean create) {
        return new ImportRequest(kind, file, fileName, format, mode, charset, columnMapping, delimiter, constants,
                externalIdFrom, create);
    }
}
