package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.ImportKind;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Customers by code. A column the file does not have leaves that field of an existing customer as it
 * is (a file of codes and consent flags updates only the consents); the tags column, when present,
 * replaces the customer's tags.
 */
final class CustomerTarget implements ImportTarget {

    static final String STAGE = "import_customer_stage";
    static final String TAG_STAGE = "import_customer_tag_stage";
    private static final List<String> FIELDS = List.of("code", "name", "kind", "industry", "contact_person", "phone",
            "email", "region", "birthday", "registered_on", "membership_expires_on", "owner", "consent_marketing",
            "consent_sms", "consent_email", "tags");
    /** The customer columns in stage order, all but tags. */
    private static final List<String> COLUMNS = FIELDS.subList(0, FIELDS.size() - 1);
    private static final Map<String, CustomerKind> KIND_ALIASES = Map.of("个人", CustomerKind.PERSON, "企业", CustomerKind.COMPANY);
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[;|]");

    private static final StageTable STAGE_TABLE = new StageTable(STAGE, List.of(
            col("line", "BIGINT"), col("code", "VARCHAR(64)"), col("name", "VARCHAR(200)"), col("kind", "VARCHAR(16)"),
            col("industry", "VARCHAR(64)"), col("contact_person", "VARCHAR(100)"), col("phone", "VARCHAR(32)"),
            col("email", "VARCHAR(254)"), col("region", "VARCHAR(100)"), col("birthday", "DATE"),
            col("registered_on", "DATE"), col("membership_expires_on", "DATE"), col("owner", "VARCHAR(100)"),
            col("consent_marketing", "BOOLEAN"), col("consent_sms", "BOOLEAN"), col("consent_email", "BOOLEAN"),
            col("action", "CHAR(1)")), "code, line", true);
    /** Keyed by code first, so that the tag comparison finds a customer's staged tags without a separate index. */
    private static final StageTable TAG_STAGE_TABLE = new StageTable(TAG_STAGE, List.of(
            col("code", "VARCHAR(64)"), col("tag", "VARCHAR(64)"), col("line", "BIGINT")), "code, tag, line", true);

    private static StageTable.Column col(String name, String type) {
        return new StageTable.Column(name, type);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("code", "name");
    }

    @Override
    public List<StageTable> stageTables() {
        return List.of(STAGE_TABLE, TAG_STAGE_TABLE);
    }

    @Override
    public boolean stage(RowCheck row, StagePipeline pipeline) {
        String code = row.code("code", true);
        String name = row.requiredText("name", 200);
        CustomerKind kind = row.choice("kind", CustomerKind.class, KIND_ALIASES);
        Object[] values = {row.line(), code, name, (kind == null ? CustomerKind.PERSON : kind).name(),
                row.text("industry", 64), row.text("contact_person", 100), row.phone("phone"), row.email("email"),
                row.text("region", 100), birthday(row), row.date("registered_on"),
                row.date("membership_expires_on"), row.text("owner", 100), row.bool("consent_marketing"),
                row.bool("consent_sms"), row.bool("consent_email"), null};
        Set<String> tags = tags(row);
        if (!row.finish()) {
            return false;
        }
        pipeline.add(0, values);
        for (String tag : tags) {
            pipeline.add(1, new Object[] {code, tag, row.line()});
        }
        return true;
    }

    private static Set<String> tags(RowCheck row) {
        String value = row.raw("tags");
        if (value == null) {
            return Set.of();
        }
        Set<String> tags = TAG_SEPARATORS.splitAsStream(value).map(String::strip).filter(tag -> !tag.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        tags.stream().filter(tag -> FieldRules.tag(tag).isPresent()).findFirst()
                .ifPresent(tag -> row.refuse("tags", "problem.import.tag", tag, FieldRules.tag(tag).orElseThrow()));
        return tags;
    }

    private static LocalDate birthday(RowCheck row) {
        LocalDate birthday = row.date("birthday");
        row.apply("birthday", FieldRules.birthday(birthday, row.today()));
        return birthday;
    }

    @Override
    public void rejectInconsistentRows(ImportContext context) {
        context.indexLoaded(STAGE_TABLE);
        context.indexLoaded(TAG_STAGE_TABLE);
        if (context.rejectDuplicates(STAGE, "code", "code") > 0) {
            context.jdbc().update("DELETE FROM " + TAG_STAGE + " t WHERE NOT EXISTS (SELECT 1 FROM " + STAGE
                    + " s WHERE s.code = t.code AND s.line = t.line)");
        }
    }

    @Override
    public MergeCounts merge(ImportContext context) {
        var jdbc = context.jdbc();
        boolean withTags = context.presentFields().contains("tags");
        List<String> updated = COLUMNS.stream().filter(c -> !c.equals("code") && context.presentFields().contains(c)).toList();
        String stored = updated.stream().map(c -> "c." + c).collect(Collectors.joining(", "));
        String staged = updated.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        int created = jdbc.update("UPDATE " + STAGE + " s SET action = 'C' WHERE NOT EXISTS (SELECT 1 FROM customer c WHERE c.code = s.code)");
        String tagsDiffer = !withTags ? "" : """
                 OR EXISTS (SELECT 1 FROM %2$s t WHERE t.code = s.code AND NOT EXISTS (
                        SELECT 1 FROM customer c JOIN customer_tag ct ON ct.customer_id = c.id WHERE c.code = s.code AND ct.tag = t.tag))
                 OR EXISTS (SELECT 1 FROM customer c JOIN customer_tag ct ON ct.customer_id = c.id WHERE c.code = s.code
                        AND NOT EXISTS (SELECT 1 FROM %2$s t WHERE t.code = s.code AND t.tag = ct.tag))
                """.formatted(STAGE, TAG_STAGE);
        int changed = jdbc.update("""
                UPDATE %1$s s SET action = 'U' WHERE s.action IS NULL AND (
                   EXISTS (SELECT 1 FROM customer c WHERE c.code = s.code AND (%2$s) IS DISTINCT FROM (%3$s))
                   %4$s)
                """.formatted(STAGE, stored, staged, tagsDiffer));
        String insertColumns = String.join(", ", COLUMNS);
        jdbc.update("INSERT INTO customer (" + insertColumns + ", created_at, updated_at) SELECT " + insertColumns
                + ", ?, ? FROM " + STAGE + " WHERE action = 'C'", context.nowParameter(), context.nowParameter());
        if (changed > 0) {
            jdbc.update("MERGE INTO customer c USING (SELECT * FROM " + STAGE + " WHERE action = 'U') s ON c.code = s.code "
                    + "WHEN MATCHED THEN UPDATE SET " + updated.stream().map(col -> col + " = s." + col).collect(Collectors.joining(", "))
                    + ", updated_at = ?, version = c.version + 1", context.nowParameter());
        }
        if (withTags) {
            jdbc.update("DELETE FROM customer_tag t WHERE EXISTS (SELECT 1 FROM customer c JOIN " + STAGE
                    + " s ON s.code = c.code WHERE c.id = t.customer_id AND s.action = 'U')");
            jdbc.update("INSERT INTO customer_tag (customer_id, tag) SELECT c.id, t.tag FROM " + TAG_STAGE + " t JOIN "
                    + STAGE + " s ON s.code = t.code AND s.line = t.line JOIN customer c ON c.code = s.code WHERE s.action IN ('C', 'U')");
        }
        // new and changed customers' industry and registration reach their activity figures with the next refresh
        jdbc.update("INSERT INTO customer_activity_stale (customer_id) SELECT c.id FROM " + STAGE
                + " s JOIN customer c ON c.code = s.code WHERE s.action IN ('C', 'U')");
        return new MergeCounts(created, changed);
    }
}
