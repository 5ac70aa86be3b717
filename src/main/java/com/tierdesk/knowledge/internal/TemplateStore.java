package com.tierdesk.knowledge.internal;

import com.tierdesk.knowledge.ReplyTemplate;
import com.tierdesk.shared.JdbcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The quick replies. */
@Repository
public class TemplateStore {

    private static final String COLUMNS = "id, name, body, language, version, updated_by, updated_at";

    private final JdbcClient jdbc;

    TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ReplyTemplate template) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO knowledge_template (name, body, language, version, updated_by, updated_at)
                VALUES (:name, :body, :language, :version, :updatedBy, :updatedAt)
                """).param("name", template.name()).param("body", template.body())
                .param("language", template.language()).param("version", template.version())
                .param("updatedBy", template.updatedBy())
                .param("updatedAt", JdbcTimestamps.toColumn(template.updatedAt())).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(ReplyTemplate template) {
        jdbc.sql("""
                UPDATE knowledge_template SET name = :name, body = :body, language = :language, version = :version,
                       updated_by = :updatedBy, updated_at = :updatedAt
                 WHERE id = :id
                """).param("name", template.name()).param("body", template.body())
                .param("language", template.language()).param("version", template.version())
                .param("updatedBy", template.updatedBy())
                .param("updatedAt", JdbcTimestamps.toColumn(template.updatedAt())).param("id", template.id()).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM knowledge_template WHERE id = :id").param("id", id).update();
    }

    public Optional<ReplyTemplate> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_template WHERE id = :id").param("id", id)
                .query(this::template).optional();
    }

    /** The template, its row locked until the transaction ends. */
    public Optional<ReplyTemplate> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_template WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::template).optional();
    }

    /** Whether another template than {@code except} has the name. */
    public boolean nameTaken(String name, long except) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_template WHERE name = :name AND id <> :except")
                .param("name", name).param("except", except).query(Integer.class).single() > 0;
    }

    /** Every template in the language ({@code null}: both), by name. */
    public List<ReplyTemplate> list(String language) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_template"
                        + " WHERE CAST(:language AS VARCHAR(8)) IS NULL OR language = :language ORDER BY name")
                .param("language", language).query(this::template).list();
    }

    private ReplyTemplate template(ResultSet rs, int row) throws SQLException {
        return new ReplyTemplate(rs.getLong("id"), rs.getString("name"), rs.getString("body"),
                rs.getString("language"), rs.getLong("version"), rs.getString("updated_by"),
                JdbcTimestamps.read(rs, "updated_at"));
    }
}
