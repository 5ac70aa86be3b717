package com.tierdesk.customer;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Import settings saved by name and shared: saving under a name that exists replaces them, recording who saved. */
@Service
public class ImportMappings {

    public static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_TEXT_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final BusinessTime time;

    ImportMappings(JdbcClient jdbc, BusinessTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public List<SavedMapping> list() {
        return jdbc.sql("SELECT * FROM import_mapping ORDER BY name").query(ImportMappings::row).list();
    }

    public Optional<SavedMapping> find(String name) {
        return name == null ? Optional.empty()
                : jdbc.sql("SELECT * FROM import_mapping WHERE name = ?").param(name.strip()).query(ImportMappings::row).optional();
    }

    /** Saves the settings under their name (its field is {@code name}); refused with the field when a value is too long. */
    @Transactional
    public SavedMapping save(SavedMapping mapping, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = mapping.name() == null ? "" : mapping.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "problem.blank"));
        } else {
            TextRules.line(name, MAX_NAME_LENGTH).ifPresent(reason -> problems.add(new FieldProblem("name", reason)));
        }
        longer("columnMapping", mapping.columnMapping(), MAX_TEXT_LENGTH, problems);
        longer("constantFields", mapping.constantFields(), MAX_TEXT_LENGTH, problems);
        longer("externalIdFrom", mapping.externalIdFrom(), 400, problems);
        longer("delimiter", mapping.delimiter(), 16, problems);
        longer("charset", mapping.charset(), 40, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        SavedMapping saved = new SavedMapping(name, mapping.kind(), blankAsEmpty(mapping.columnMapping()),
                blankAsNull(mapping.delimiter()), blankAsEmpty(mapping.constantFields()), blankAsNull(mapping.externalIdFrom()),
                mapping.createMissingCustomers(), blankAsNull(mapping.charset()), actor, time.now());
        jdbc.sql("DELETE FROM import_mapping WHERE name = ?").param(name).update();
        jdbc.sql("""
                INSERT INTO import_mapping (name, kind, column_mapping, delimiter, constant_fields, external_id_from,
                                            create_missing_customers, charset, saved_by, saved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(saved.name(), saved.kind().name(), saved.columnMapping(), saved.delimiter(), saved.constantFields(),
                        saved.externalIdFrom(), saved.createMissingCustomers(), saved.charset(), saved.savedBy(),
                        java.sql.Timestamp.from(saved.savedAt()))
                .update();
        return saved;
    }

    private static void longer(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(FieldProblem.of(field, "problem.too-long", max));
        }
    }

    private static String blankAsEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static SavedMapping row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SavedMapping(rs.getString("name"), ImportKind.valueOf(rs.getString("kind")), rs.getString("column_mapping"),
                rs.getString("delimiter"), rs.getString("constant_fields"), rs.getString("external_id_from"),
                rs.getBoolean("create_missing_customers"), rs.getString("charset"), rs.getString("saved_by"),
                rs.getTimestamp("saved_at").toInstant());
    }
}
