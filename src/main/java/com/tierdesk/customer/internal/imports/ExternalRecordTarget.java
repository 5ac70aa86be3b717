package com.tierdesk.customer.internal.imports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Records that belong to a customer and are identified by an external id (orders, interactions):
 * staged with the customer's code, which is resolved to the customer by a join when they are merged.
 */
abstract class ExternalRecordTarget implements ImportTarget {

    static final String AFFECTED = "import_affected_customer";
    /** The customers a merge touched, with repeats; {@link #AFFECTED} holds each of them once. */
    private static final String TOUCHED = "import_touched_customer";
    private static final String UNKNOWN_CUSTOMER = "NOT EXISTS (SELECT 1 FROM customer c WHERE c.code = s.customer_code)";

    private final String table;
    private final StageTable stage;
    /** The record's columns besides external_id and customer_id, the same in the stage and the table. */
    private final List<String> columns;

    ExternalRecordTarget(String table, StageTable stage) {
        this.table = table;
        this.stage = stage;
        this.columns = stage.columns().stream().map(StageTable.Column::name)
                .filter(c -> !List.of("line", "external_id", "customer_code").contains(c)).toList();
    }

    /**
     * Whether the customers' purchase aggregates depend on these records. Every merge lists the customers it
     * touched in {@link #AFFECTED} either way: their activity figures depend on orders and interactions alike.
     */
    abstract boolean feedsPurchaseAggregates();

    /** The column of the instant from which a record counts in the activity figures (when it was paid, or occurred). */
    abstract String countsFrom();

    /**
     * Queues the customers of staged records that count only from a future instant again for that instant, so
     * their figures change when it comes.
     */
    void queueFutureRecords(ImportContext context, Instant now) {
        context.jdbc().update("INSERT INTO customer_activity_stale (customer_id, due_at) SELECT c.id, s." + countsFrom()
                + " FROM " + stage.name() + " s JOIN customer c ON c.code = s.customer_code WHERE s." + countsFrom()
                + " > CAST(? AS TIMESTAMP WITH TIME ZONE)", now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<StageTable> stageTables() {
        return List.of(stage);
    }

    String stageName() {
        return stage.name();
    }

    @Override
    public void rejectInconsistentRows(ImportContext context) {
        context.indexLoaded(stage);
        context.rejectDuplicates(stage.name(), "external_id", "external_id");
        if (!context.request().createMissingCustomers()) {
            context.reject("problem.import.no-customer", "SELECT s.line, 'customer_code', s.customer_code FROM "
                    + stage.name() + " s WHERE " + UNKNOWN_CUSTOMER, "DELETE FROM " + stage.name() + " s WHERE " + UNKNOWN_CUSTOMER);
        }
    }

    /** Creates the customers that rows name but the database does not know, named by their code; returns how many. */
    long createMissingCustomers(ImportContext context) {
        return context.jdbc().update("INSERT INTO customer (code, name, kind, created_at, updated_at) SELECT DISTINCT "
                + "s.customer_code, s.customer_code, 'PERSON', CAST(? AS TIMESTAMP WITH TIME ZONE), "
                + "CAST(? AS TIMESTAMP WITH TIME ZONE) FROM " + stage.name() + " s WHERE " + UNKNOWN_CUSTOMER,
                context.nowParameter(), context.nowParameter());
    }

    @Override
    public MergeCounts tryFirstLoad(ImportContext context, long staged) {
        if (context.database() != Database.POSTGRESQL || context.request().createMissingCustomers()) {
            return null;
        }
        var jdbc = context.jdbc();
        context.indexLoaded(stage);
        if (overlaps(context)) {
            return null;
        }
        String resolved = "FROM " + stage.name() + " s JOIN customer c ON c.code = s.customer_code";
        jdbc.execute("SAVEPOINT import_first_load");
        try {
            long created = jdbc.update("INSERT INTO " + table + " (external_id, customer_id, " + String.join(", ", columns)
                    + ") SELECT s.external_id, c.id, " + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "))
                    + " " + resolved);
            if (created != staged) {
                // a customer code is unknown: the checks will list those rows
                jdbc.execute("ROLLBACK TO SAVEPOINT import_first_load");
                return null;
            }
        } catch (DataIntegrityViolationException e) {
            // an external id occurs twice in the file: the checks will list those rows
            jdbc.execute("ROLLBACK TO SAVEPOINT import_first_load");
            return null;
        }
        jdbc.execute("RELEASE SAVEPOINT import_first_load");
        createTouched(context);
        jdbc.update("INSERT INTO " + TOUCHED + " (customer_id) SELECT DISTINCT c.id " + resolved);
        collectAffected(context);
        return new MergeCounts(staged, 0);
    }

    private boolean overlaps(ImportContext context) {
        return Boolean.TRUE.equals(context.jdbc().queryForObject("SELECT EXISTS (SELECT 1 FROM " + stage.name()
                + " s JOIN " + table + " o ON o.external_id = s.external_id)", Boolean.class));
    }

    private void createTouched(ImportContext context) {
        context.jdbc().execute(context.database().createTemporary(new StageTable(TOUCHED,
                List.of(new StageTable.Column("customer_id", "BIGINT")), null, false)));
    }

    private void collectAffected(ImportContext context) {
        StageTable affected = new StageTable(AFFECTED, List.of(new StageTable.Column("customer_id", "BIGINT")),
                "customer_id", true);
        context.jdbc().execute(context.database().createTemporary(affected));
        context.jdbc().update("INSERT INTO " + AFFECTED + " (customer_id) SELECT DISTINCT customer_id FROM " + TOUCHED);
        context.indexLoaded(affected);
    }

    @Override
    public MergeCounts merge(ImportContext context) {
        var jdbc = context.jdbc();
        String resolved = "FROM " + stage.name() + " s JOIN customer c ON c.code = s.customer_code";
        createTouched(context);
        // a record that moves to another customer changes the figures of the one it leaves too
        jdbc.update("INSERT INTO " + TOUCHED + " (customer_id) SELECT o.customer_id " + resolved + " JOIN " + table
                + " o ON o.external_id = s.external_id WHERE o.customer_id <> c.id");
        MergeCounts counts = context.database() == Database.POSTGRESQL ? upsert(context, resolved) : portableMerge(context, resolved);
        collectAffected(context);
        return counts;
    }

    /**
     * PostgreSQL: one INSERT … ON CONFLICT that skips unchanged rows and tells created from updated ones;
     * a plain INSERT when none of the records exists yet (a first load), which spares the conflict handling.
     */
    private MergeCounts upsert(ImportContext context, String resolved) {
        var jdbc = context.jdbc();
        if (!overlaps(context)) {
            String columnList = String.join(", ", columns);
            String staged = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
            long created = jdbc.update("INSERT INTO " + table + " (external_id, customer_id, " + columnList
                    + ") SELECT s.external_id, c.id, " + staged + " " + resolved);
            jdbc.update("INSERT INTO " + TOUCHED + " (customer_id) SELECT DISTINCT c.id " + resolved);
            return new MergeCounts(created, 0);
        }
        String all = Stream.concat(Stream.of("customer_id"), columns.stream()).collect(Collectors.joining(", "));
        String excluded = Stream.concat(Stream.of("customer_id"), columns.stream()).map(c -> "EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        String stored = Stream.concat(Stream.of("customer_id"), columns.stream()).map(c -> table + "." + c)
                .collect(Collectors.joining(", "));
        String set = Stream.concat(Stream.of("customer_id"), columns.stream()).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        String staged = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        String affected = ", touched AS (INSERT INTO " + TOUCHED + " (customer_id) SELECT DISTINCT customer_id FROM merged)";
        return jdbc.queryForObject("""
                WITH merged AS (
                  INSERT INTO %1$s (external_id, %2$s)
                  SELECT s.external_id, c.id, %3$s %4$s
                  ON CONFLICT (external_id) DO UPDATE SET %5$s
                  WHERE (%6$s) IS DISTINCT FROM (%7$s)
                  RETURNING (xmax = 0) AS created, customer_id)%8$s
                SELECT COUNT(*) FILTER (WHERE created), COUNT(*) FILTER (WHERE NOT created) FROM merged
                """.formatted(table, all, staged, resolved, set, stored, excluded, affected),
                (rs, n) -> new MergeCounts(rs.getLong(1), rs.getLong(2)));
    }

    /** Other databases: count, then one MERGE that writes only new and changed rows. */
    private MergeCounts portableMerge(ImportContext context, String resolved) {
        var jdbc = context.jdbc();
        String stored = Stream.concat(Stream.of("o.customer_id"), columns.stream().map(c -> "o." + c))
                .collect(Collectors.joining(", "));
        String incoming = Stream.concat(Stream.of("c.id"), columns.stream().map(c -> "s." + c))
                .collect(Collectors.joining(", "));
        String compared = resolved + " LEFT JOIN " + table + " o ON o.external_id = s.external_id";
        String differs = "(" + stored + ") IS DISTINCT FROM (" + incoming + ")";
        MergeCounts counts = jdbc.queryForObject("SELECT COUNT(CASE WHEN o.id IS NULL THEN 1 END), "
                + "COUNT(CASE WHEN o.id IS NOT NULL AND " + differs + " THEN 1 END) " + compared,
                (rs, n) -> new MergeCounts(rs.getLong(1), rs.getLong(2)));
        jdbc.update("INSERT INTO " + TOUCHED + " (customer_id) SELECT DISTINCT c.id " + compared
                + " WHERE o.id IS NULL OR " + differs);
        String sourceColumns = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        String target = Stream.concat(Stream.of("o.customer_id"), columns.stream().map(c -> "o." + c))
                .collect(Collectors.joining(", "));
        String source = Stream.concat(Stream.of("m.customer_id"), columns.stream().map(c -> "m." + c))
                .collect(Collectors.joining(", "));
        jdbc.update("""
                MERGE INTO %1$s o
                USING (SELECT s.external_id, c.id AS customer_id, %2$s %3$s) m ON o.external_id = m.external_id
                WHEN MATCHED AND (%4$s) IS DISTINCT FROM (%5$s) THEN UPDATE SET %6$s
                WHEN NOT MATCHED THEN INSERT (external_id, customer_id, %7$s) VALUES (m.external_id, %5$s)
                """.formatted(table, sourceColumns, resolved, target, source,
                Stream.concat(Stream.of("customer_id"), columns.stream()).map(c -> c + " = m." + c)
                        .collect(Collectors.joining(", ")),
                String.join(", ", columns)));
        return counts;
    }
}
