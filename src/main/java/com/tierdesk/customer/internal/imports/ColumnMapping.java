package com.tierdesk.customer.internal.imports;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which TierDesk fields a file's column fills: the column's own name when it is a field, or what
 * the mapping says ({@code -} to ignore the column, {@code a,b} to fill two fields).
 */
final class ColumnMapping {

    static final String IGNORE = "-";
    private static final int[] NONE = {};

    private final List<String> fields;
    private final Map<String, String> mapping;

    ColumnMapping(List<String> fields, Map<String, String> mapping) {
        this.fields = fields;
        this.mapping = mapping;
        List<String> wrong = new ArrayList<>();
        mapping.forEach((from, to) -> {
            for (String target : to.split(",")) {
                String field = target.strip().toLowerCase(Locale.ROOT);
                if (!field.equals(IGNORE) && !fields.contains(field)) {
                    wrong.add(from + "=" + to);
                }
            }
        });
        if (!wrong.isEmpty()) {
            throw new FileProblem("problem.import.mapping-unknown", ApiProblems.echo(String.join(", ", wrong)),
                    String.join(", ", fields));
        }
    }

    /** The field indexes a column fills, or {@code null} when the column is neither a field nor mapped. */
    int[] targets(String column) {
        String name = column.strip();
        String to = mapping.get(name);
        if (to == null) {
            to = mapping.entrySet().stream().filter(e -> e.getKey().strip().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (to == null) {
            int index = fields.indexOf(name.toLowerCase(Locale.ROOT));
            return index < 0 ? null : new int[] {index};
        }
        if (to.strip().equals(IGNORE)) {
            return NONE;
        }
        return java.util.Arrays.stream(to.split(","))
                .mapToInt(target -> fields.indexOf(target.strip().toLowerCase(Locale.ROOT))).toArray();
    }

    Reason unknownColumns(List<String> columns) {
        return Reason.of(columns.size() > 1 ? "problem.import.unknown-columns" : "problem.import.unknown-column",
                ApiProblems.echo(String.join(", ", quoted(columns))), String.join(", ", fields));
    }

    /** Resolves a header: one entry of field indexes per column; every problem with it is a {@link FileProblem}. */
    int[][] resolveHeader(List<String> header) {
        int[][] targets = new int[header.size()][];
        List<String> unknown = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        Set<Integer> filled = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            targets[i] = targets(header.get(i));
            if (targets[i] == null) {
                unknown.add(header.get(i));
                continue;
            }
            for (int field : targets[i]) {
                if (!filled.add(field)) {
                    twice.add(fields.get(field));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new FileProblem(unknownColumns(unknown));
        }
        if (!twice.isEmpty()) {
            throw new FileProblem("problem.import.filled-twice", ApiProblems.echo(String.join(", ", twice)));
        }
        List<String> unused = mapping.keySet().stream()
                .filter(from -> header.stream().noneMatch(column -> column.strip().equalsIgnoreCase(from.strip())))
                .toList();
        if (!unused.isEmpty()) {
            throw new FileProblem(unused.size() > 1 ? "problem.import.mapped-missing-columns" : "problem.import.mapped-missing-column",
                    ApiProblems.echo(String.join(", ", quoted(unused))), ApiProblems.echo(String.join(", ", quoted(header))));
        }
        return targets;
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").toList();
    }
}
