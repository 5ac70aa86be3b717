package com.tierdesk.customer.web;

import com.tierdesk.customer.ImportFormat;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportRequest;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The options of an upload as the API and the console receive them, turned into an {@link ImportRequest};
 * every option that cannot be understood is collected as a field error.
 */
record ImportOptions(String mode, String charset, String format, List<String> map, String mapping, String delimiter,
        List<String> set, String externalIdFrom, boolean createMissingCustomers) {

    record FieldError(String field, String reason) {
    }

    static final class Invalid extends RuntimeException {

        private final transient List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super("invalid import options: " + errors, null, false, false);
            this.errors = List.copyOf(errors);
        }

        List<FieldError> errors() {
            return errors;
        }
    }

    static ImportKind kind(String value) {
        return Arrays.stream(ImportKind.values()).filter(k -> k.name().equalsIgnoreCase(value)).findFirst().orElse(null);
    }

    ImportRequest toRequest(ImportKind kind, Path file, String fileName, JsonMapper json) {
        List<FieldError> errors = new ArrayList<>();
        ImportMode parsedMode = choice(ImportMode.class, mode, "mode", errors);
        ImportFormat parsedFormat = choice(ImportFormat.class, format, "format", errors);
        Charset parsedCharset = null;
        if (charset != null && !charset.isBlank()) {
            try {
                parsedCharset = Charset.forName(charset.strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                errors.add(new FieldError("charset", "is not a known charset: '" + charset + "'"));
            }
        }
        Map<String, String> columns = pairs(map, "map", errors);
        if (mapping != null && !mapping.isBlank()) {
            try {
                columns.putAll(json.readValue(mapping, new TypeReference<Map<String, String>>() { }));
            } catch (JacksonException e) {
                errors.add(new FieldError("mapping", "must be a JSON object of column names to field names"));
            }
        }
        Map<String, String> constants = pairs(set, "set", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        List<String> idFrom = externalIdFrom == null || externalIdFrom.isBlank() ? List.of()
                : Arrays.stream(externalIdFrom.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ImportRequest(kind, file, fileName, parsedFormat, parsedMode, parsedCharset, columns, delimiter,
                constants, idFrom, createMissingCustomers);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst().orElseGet(() -> {
            errors.add(new FieldError(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + ": '" + value + "'"));
            return null;
        });
    }

    /** {@code from:to} (or {@code from=to}) entries, also one per line; the first separator splits. */
    private static Map<String, String> pairs(List<String> entries, String field, List<FieldError> errors) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (entries == null) {
            return pairs;
        }
        entries.stream().flatMap(entry -> entry.lines()).map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            int colon = line.indexOf(':');
            int equals = line.indexOf('=');
            int at = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
            if (at <= 0) {
                errors.add(new FieldError(field, "must be NAME:VALUE: '" + line + "'"));
            } else {
                pairs.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
            }
        });
        return pairs;
    }
}
