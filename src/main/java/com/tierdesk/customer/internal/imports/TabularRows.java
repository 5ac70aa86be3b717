package com.tierdesk.customer.internal.imports;

import com.tierdesk.shared.Reason;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Places the values of a delimited line into fields by the resolved header. */
final class TabularRows {

    private final int fieldCount;
    private final int[][] targets;
    private final Set<String> present = new LinkedHashSet<>();
    private final List<String> header;

    TabularRows(List<String> fields, ColumnMapping mapping, List<String> header) {
        this.fieldCount = fields.size();
        this.header = List.copyOf(header);
        this.targets = mapping.resolveHeader(header);
        for (int[] columnTargets : targets) {
            for (int field : columnTargets) {
                present.add(fields.get(field));
            }
        }
    }

    List<String> header() {
        return header;
    }

    Set<String> present() {
        return present;
    }

    RawRow row(long line, List<String> cells) {
        return row(line, cells.size(), cells::get);
    }

    RawRow row(long line, org.apache.commons.csv.CSVRecord record) {
        return row(line, record.size(), record::get);
    }

    private RawRow row(long line, int size, java.util.function.IntFunction<String> cell) {
        String[] values = new String[fieldCount];
        int n = Math.min(size, targets.length);
        for (int i = 0; i < n; i++) {
            String value = cell.apply(i);
            if (value != null) {
                value = value.strip();
            }
            if (value != null && !value.isEmpty()) {
                for (int field : targets[i]) {
                    values[field] = value;
                }
            }
        }
        Reason problem = size > targets.length ? Reason.of("problem.import.too-many-values", size, targets.length) : null;
        return new RawRow(line, values, problem);
    }
}
