package com.tierdesk.customer.web;

import com.tierdesk.customer.ImportFormat;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
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
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The options of an upload as the API and the console receive them, turned into an {@link ImportRequest};
 * every option that cannot be understood, and an upload without a file or with a file name no text may hold, is
 * collected as a problem with its field.
 */
record ImportOptions(String mode, String charset, String format, List<String> map, String mapping, String delimiter,
        List<String> set, String externalIdFrom, boolean createMissingCustomers) {

    static final int MAX_FILE_NAME_LENGTH = 255;

    /** Options of an upload that cannot be read (HTTP 400), each with its field; nothing was imported. */
    static final class Unreadable extends RuntimeException {

        private final transient List<FieldProblem> problems;

        Unreadable(List<FieldProblem> problems) {
            super("unreadable import options: " + problems, null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    static ImportKind kind(String value) {
        return Arrays.stream(ImportKind.values()).filter(k -> k.name().equalsIgnoreCase(value)).findFirst().orElse(null);
    }

    /** The import of the uploaded file once it is copied to {@code upload}. */
    ImportRequest toRequest(ImportKind kind, MultipartFile file, Path upload, JsonMapper json) {
        List<FieldProblem> errors = new ArrayList<>();
        return toRequest(kind, fileName(file, errors), upload, json, errors);
    }

    /** The import of a file uploaded before, under the name it was uploaded with. */
    ImportRequest toRequest(ImportKind kind, String uploadedName, Path upload, JsonMapper json) {
        List<FieldProblem> errors = new ArrayList<>();
        return toRequest(kind, fileName(uploadedName, errors), upload, json, errors);
    }

    private ImportRequest toRequest(ImportKind kind, String fileName, Path upload, JsonMapper json, List<FieldProblem> errors) {
        ImportMode parsedMode = choice(ImportMode.class, mode, "mode", errors);
        ImportFormat parsedFormat = choice(ImportFormat.class, format, "format", errors);
        Charset parsedCharset = null;
        if (charset != null && !charset.isBlank()) {
            try {
                parsedCharset = Charset.forName(charset.strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                errors.add(FieldProblem.of("charset", "problem.import.charset", ApiProblems.echo(charset)));
            }
        }
        Map<String, String> columns = pairs(map, "map", errors);
        if (mapping != null && !mapping.isBlank()) {
            try {
                columns.putAll(json.readValue(mapping, new TypeReference<Map<String, String>>() { }));
            } catch (JacksonException e) {
                errors.add(FieldProblem.of("mapping", "problem.import.mapping-json"));
            }
        }
        Map<String, String> constants = pairs(set, "set", errors);
        ImportRequest.delimiterProblem(delimiter).ifPresent(reason -> errors.add(new FieldProblem("delimiter", reason)));
        if (!errors.isEmpty()) {
            throw new Unreadable(errors);
        }
        List<String> idFrom = externalIdFrom == null || externalIdFrom.isBlank() ? List.of()
                : Arrays.stream(externalIdFrom.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ImportRequest(kind, upload, fileName, parsedFormat, parsedMode, parsedCharset, columns, delimiter,
                constants, idFrom, createMissingCustomers);
    }

    /** The uploaded file's name as the report shows it; "upload" when it has none. */
    private static String fileName(MultipartFile file, List<FieldProblem> errors) {
        if (file == null) {
            errors.add(FieldProblem.of("file", "problem.import.file-required"));
            return null;
        }
        return fileName(file.getOriginalFilename(), errors);
    }

    private static String fileName(String name, List<FieldProblem> errors) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        TextRules.line(name, MAX_FILE_NAME_LENGTH)
                .ifPresent(reason -> errors.add(FieldProblem.of("file", "problem.import.file-name", reason)));
        return name;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst().orElseGet(() -> {
            errors.add(FieldProblem.of(field, "problem.with-value", Reason.of("problem.one-of", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()), ApiProblems.echo(value)));
            return null;
        });
    }

    /** {@code from:to} (or {@code from=to}) entries, also one per line; the first separator splits. */
    private static Map<String, String> pairs(List<String> entries, String field, List<FieldProblem> errors) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (entries == null) {
            return pairs;
        }
        entries.stream().flatMap(entry -> entry.lines()).map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            int colon = line.indexOf(':');
            int equals = line.indexOf('=');
            int at = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
            if (at <= 0) {
                errors.add(FieldProblem.of(field, "problem.import.pair", ApiProblems.echo(line)));
            } else {
                pairs.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
            }
        });
        return pairs;
    }
}
