package com.tierdesk.tiering.internal;

import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.shared.Label;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scoring models and their versions; a definition is stored as the JSON the API speaks. */
@Repository
public class ModelStore {

    private static final String VERSION_COLUMNS = """
            v.model_id, v.version, v.definition, v.note, v.created_at, v.created_by,
            v.version = (SELECT MAX(l.version) FROM scoring_model_version l WHERE l.model_id = v.model_id) AS latest,
            COALESCE((SELECT s.active_model_id FROM tiering_setting s WHERE s.id = 1), -1) = v.model_id AS active""";

    /** A stored version, its definition still JSON. */
    public record StoredVersion(long modelId, int version, String definition, String note, Instant createdAt,
            String createdBy, boolean latest, boolean active) {
    }

    private final JdbcClient jdbc;

    ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean empty() {
        return jdbc.sql("SELECT COUNT(*) FROM scoring_model").query(Long.class).single() == 0;
    }

    public long createModel(Label name, String by, Instant now) {
        jdbc.sql("INSERT INTO scoring_model (name_zh, name_en, created_at, created_by) VALUES (:zh, :en, :now, :by)")
                .param("zh", name.zh()).param("en", name.en()).param("now", JdbcTimestamps.toColumn(now)).param("by", by)
                .update();
        return idsNamed(name).get(0);
    }

    public void rename(long modelId, Label name) {
        jdbc.sql("UPDATE scoring_model SET name_zh = :zh, name_en = :en WHERE id = :id")
                .param("zh", name.zh()).param("en", name.en()).param("id", modelId).update();
    }

    /** The models that have any of the label's names, in either language. */
    public List<Long> idsNamed(Label name) {
        return jdbc.sql("""
                SELECT id FROM scoring_model
                 WHERE name_zh IN (:zh, :en) OR name_en IN (:zh, :en) ORDER BY id""")
                .param("zh", name.zh() == null ? name.en() : name.zh()).param("en", name.en() == null ? name.zh() : name.en())
                .query(Long.class).list();
    }

    /** Adds the next version; a concurrent edit of the same model fails on the primary key. */
    public int addVersion(long modelId, String definition, String note, String by, Instant now) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM scoring_model_version WHERE model_id = :id")
                .param("id", modelId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO scoring_model_version (model_id, version, definition, note, created_at, created_by)
                VALUES (:id, :version, :definition, :note, :now, :by)
                """)
                .param("id", modelId).param("version", version).param("definition", definition).param("note", note)
                .param("now", JdbcTimestamps.toColumn(now)).param("by", by).update();
        return version;
    }

    public Optional<StoredVersion> version(long modelId, int version) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM scoring_model_version v WHERE v.model_id = :id AND v.version = :version")
                .param("id", modelId).param("version", version).query(ModelStore::map).optional();
    }

    public Optional<StoredVersion> latest(long modelId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM scoring_model_version v WHERE v.model_id = :id "
                        + "ORDER BY v.version DESC FETCH FIRST 1 ROWS ONLY")
                .param("id", modelId).query(ModelStore::map).optional();
    }

    /** The latest version of every model, by name (English, else Chinese). */
    public List<StoredVersion> latestOfEach() {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM scoring_model_version v JOIN scoring_model m ON m.id = v.model_id "
                        + "WHERE v.version = (SELECT MAX(l.version) FROM scoring_model_version l WHERE l.model_id = v.model_id) "
                        + "ORDER BY COALESCE(m.name_en, m.name_zh)")
                .query(ModelStore::map).list();
    }

    public List<StoredVersion> versions(long modelId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM scoring_model_version v WHERE v.model_id = :id ORDER BY v.version DESC")
                .param("id", modelId).query(ModelStore::map).list();
    }

    public Optional<Long> activeModelId() {
        return jdbc.sql("SELECT active_model_id FROM tiering_setting WHERE id = 1 AND active_model_id IS NOT NULL")
                .query(Long.class).optional();
    }

    public void activate(long modelId) {
        jdbc.sql("UPDATE tiering_setting SET active_model_id = :id WHERE id = 1").param("id", modelId).update();
    }

    private static StoredVersion map(ResultSet rs, int row) throws SQLException {
        return new StoredVersion(rs.getLong("model_id"), rs.getInt("version"), rs.getString("definition"),
                rs.getString("note"), JdbcTimestamps.read(rs, "created_at"), rs.getString("created_by"),
                rs.getBoolean("latest"), rs.getBoolean("active"));
    }
}
