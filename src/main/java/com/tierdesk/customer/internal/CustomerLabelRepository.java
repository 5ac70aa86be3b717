package com.tierdesk.customer.internal;

import com.tierdesk.customer.CodeLabel;
import com.tierdesk.customer.LabelKind;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.Label;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The labels of industry and tag codes; one row a code, its missing language a null. */
@Repository
public class CustomerLabelRepository {

    private final JdbcClient jdbc;

    CustomerLabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CodeLabel> all() {
        return jdbc.sql("SELECT kind, code, label_zh, label_en, updated_at, updated_by FROM customer_label ORDER BY kind, code")
                .query(CustomerLabelRepository::map).list();
    }

    /** Replaces the code's label, or adds it. */
    public CodeLabel put(LabelKind kind, String code, Label label, String by, Instant now) {
        int updated = jdbc.sql("""
                UPDATE customer_label SET label_zh = :zh, label_en = :en, updated_at = :now, updated_by = :by
                 WHERE kind = :kind AND code = :code""")
                .params(params(kind, code, label, by, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO customer_label (kind, code, label_zh, label_en, updated_at, updated_by)
                    VALUES (:kind, :code, :zh, :en, :now, :by)""")
                    .params(params(kind, code, label, by, now)).update();
        }
        return new CodeLabel(kind, code, label, now, by);
    }

    /** Whether there was a label to remove. */
    public boolean remove(LabelKind kind, String code) {
        return jdbc.sql("DELETE FROM customer_label WHERE kind = :kind AND code = :code")
                .param("kind", kind.name()).param("code", code).update() > 0;
    }

    private static Map<String, Object> params(LabelKind kind, String code, Label label, String by, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind.name());
        params.put("code", code);
        params.put("zh", label.zh());
        params.put("en", label.en());
        params.put("now", JdbcTimestamps.toColumn(now));
        params.put("by", by);
        return params;
    }

    private static CodeLabel map(ResultSet rs, int row) throws SQLException {
        return new CodeLabel(LabelKind.valueOf(rs.getString("kind")), rs.getString("code"),
                new Label(rs.getString("label_zh"), rs.getString("label_en")), JdbcTimestamps.read(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
