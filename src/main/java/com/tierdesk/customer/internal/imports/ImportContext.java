package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.ImportRequest;
import com.tierdesk.shared.Reason;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * What the set-based steps of one import need: the transaction's connection, the database, the
 * problems found so far and the fields the file fills.
 */
record ImportContext(JdbcTemplate jdbc, Database database, ImportRequest request, Problems problems,
        Set<String> presentFields, Instant now) {

    Object nowParameter() {
        return now.atOffset(ZoneOffset.UTC);
    }

    /**
     * Reports the stage rows that a query finds (columns: line, field, then the reason's arguments) for the reason
     * {@code code} and removes them from the stage; returns how many were rejected. The query's problems come in
     * line order, a run of their own.
     */
    long reject(String code, String problemQuery, String deleteStatement, Object... parameters) {
        long[] found = {0};
        problems.nextRun();
        jdbc.query(problemQuery + " ORDER BY 1", rs -> {
            found[0]++;
            Object[] arguments = new Object[rs.getMetaData().getColumnCount() - 2];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = rs.getString(i + 3);
            }
            problems.add(rs.getLong(1), rs.getString(2), Reason.of(code, arguments));
        }, parameters);
        if (found[0] == 0) {
            return 0;
        }
        int removed = jdbc.update(deleteStatement, parameters);
        for (int i = 0; i < removed; i++) {
            problems.rowRejected();
        }
        return removed;
    }

    /** Rejects every row whose key occurs more than once in the file: which of them is right cannot be told. */
    long rejectDuplicates(String stage, String keyColumn, String field) {
        String duplicated = "SELECT " + keyColumn + " FROM " + stage + " GROUP BY " + keyColumn + " HAVING COUNT(*) > 1";
        Boolean any = jdbc.query(duplicated + " FETCH FIRST 1 ROWS ONLY", (ResultSetExtractor<Boolean>) ResultSet::next);
        if (!Boolean.TRUE.equals(any)) {
            return 0;
        }
        return reject("problem.import.duplicate", """
                SELECT s.line, '%3$s', s.%2$s, d.n, d.first_line
                  FROM %1$s s JOIN (SELECT %2$s, COUNT(*) AS n, MIN(line) AS first_line FROM %1$s GROUP BY %2$s HAVING COUNT(*) > 1) d
                    ON d.%2$s = s.%2$s
                """.formatted(stage, keyColumn, field),
                "DELETE FROM " + stage + " s WHERE EXISTS (SELECT 1 FROM " + stage + " d WHERE d." + keyColumn + " = s."
                        + keyColumn + " AND d.line <> s.line)");
    }

    /** Indexes a loaded stage table where the database needs it, and gives PostgreSQL's planner its statistics. */
    void indexLoaded(StageTable table) {
        String index = database.indexLoaded(table);
        if (index != null) {
            jdbc.execute(index);
        }
        if (database == Database.POSTGRESQL) {
            jdbc.execute("ANALYZE " + table.name());
        }
    }
}
