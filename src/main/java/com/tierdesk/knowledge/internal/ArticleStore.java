package com.tierdesk.knowledge.internal;

import com.tierdesk.knowledge.Article;
import com.tierdesk.knowledge.ArticleStatus;
import com.tierdesk.knowledge.ArticleVersion;
import com.tierdesk.shared.JdbcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The articles, their tags and their earlier versions. */
@Repository
public class ArticleStore {

    private static final String COLUMNS = "id, title, body, language, status, version, created_by, created_at, "
            + "updated_by, updated_at, published_at";
    /** Tags are kept in a version as one text, separated by a character no tag may hold. */
    private static final String TAG_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    ArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new article and gives its id. */
    public long insert(Article article) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO knowledge_article (title, body, language, status, version, created_by, created_at,
                                               updated_by, updated_at, published_at)
                VALUES (:title, :body, :language, :status, :version, :createdBy, :createdAt, :updatedBy, :updatedAt,
                        :publishedAt)
                """).params(params(article)).update(keys, "id");
        long id = keys.getKey().longValue();
        writeTags(id, article.tags());
        return id;
    }

    /** Writes the article over its stored row, which the caller holds locked. */
    public void update(Article article) {
        jdbc.sql("""
                UPDATE knowledge_article SET title = :title, body = :body, language = :language, status = :status,
                       version = :version, updated_by = :updatedBy, updated_at = :updatedAt, published_at = :publishedAt
                 WHERE id = :id
                """).params(params(article)).param("id", article.id()).update();
        jdbc.sql("DELETE FROM knowledge_article_tag WHERE article_id = :id").param("id", article.id()).update();
        writeTags(article.id(), article.tags());
    }

    /** Keeps the article as it is now as its version {@code article.version()}. */
    public void keepVersion(Article article) {
        jdbc.sql("""
                INSERT INTO knowledge_article_version (article_id, version, title, body, language, status, tags,
                                                       saved_by, saved_at)
                VALUES (:id, :version, :title, :body, :language, :status, :tags, :savedBy, :savedAt)
                """).param("id", article.id()).param("version", article.version()).param("title", article.title())
                .param("body", article.body()).param("language", article.language())
                .param("status", article.status().name()).param("tags", String.join(TAG_SEPARATOR, article.tags()))
                .param("savedBy", article.updatedBy()).param("savedAt", JdbcTimestamps.toColumn(article.updatedAt()))
                .update();
    }

    /** Deletes the article; its tags and versions go with it. */
    public void delete(long id) {
        jdbc.sql("DELETE FROM knowledge_article WHERE id = :id").param("id", id).update();
    }

    private void writeTags(long id, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("INSERT INTO knowledge_article_tag (article_id, tag) VALUES (:id, :tag)")
                    .param("id", id).param("tag", tag).update();
        }
    }

    private static Map<String, Object> params(Article article) {
        var params = new HashMap<String, Object>();
        params.put("title", article.title());
        params.put("body", article.body());
        params.put("language", article.language());
        params.put("status", article.status().name());
        params.put("version", article.version());
        params.put("createdBy", article.createdBy());
        params.put("createdAt", JdbcTimestamps.toColumn(article.createdAt()));
        params.put("updatedBy", article.updatedBy());
        params.put("updatedAt", JdbcTimestamps.toColumn(article.updatedAt()));
        params.put("publishedAt", JdbcTimestamps.toColumn(article.publishedAt()));
        return params;
    }

    public Optional<Article> find(long id) {
        return byIds(List.of(id)).stream().findFirst();
    }

    /** The article, its row locked until the transaction ends. */
    public Optional<Article> lock(long id) {
        return jdbc.sql("SELECT id FROM knowledge_article WHERE id = :id FOR UPDATE").param("id", id)
                .query(Long.class).optional().flatMap(this::find);
    }

    /** The articles with the ids, in the order of the ids. */
    public List<Article> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> found = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_article WHERE id IN (:ids)").param("ids", ids)
                .query(this::article).list().forEach(article -> found.put(article.id(), article));
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("SELECT article_id, tag FROM knowledge_article_tag WHERE article_id IN (:ids) ORDER BY article_id, tag")
                .param("ids", ids).query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return ids.stream().filter(found::containsKey).map(found::get).map(article -> new Article(article.id(),
                article.title(), article.body(), article.language(), article.status(),
                tags.getOrDefault(article.id(), List.of()), article.version(), article.createdBy(), article.createdAt(),
                article.updatedBy(), article.updatedAt(), article.publishedAt())).toList();
    }

    /** The ids of the latest changed articles that pass the filter ({@code null}: any). */
    public List<Long> latest(String language, String status, int limit) {
        return jdbc.sql("""
                SELECT id FROM knowledge_article
                 WHERE (CAST(:language AS VARCHAR(8)) IS NULL OR language = :language)
                   AND (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status)
                 ORDER BY updated_at DESC, id DESC LIMIT :limit
                """).param("language", language).param("status", status).param("limit", limit)
                .query(Long.class).list();
    }

    /** The earlier versions of the article, newest first. */
    public List<ArticleVersion> versions(long id) {
        return jdbc.sql("""
                SELECT version, title, body, language, status, tags, saved_by, saved_at FROM knowledge_article_version
                 WHERE article_id = :id ORDER BY version DESC
                """).param("id", id).query((rs, row) -> new ArticleVersion(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), ArticleStatus.valueOf(rs.getString(5)),
                        rs.getString(6).isEmpty() ? List.of() : Arrays.asList(rs.getString(6).split(TAG_SEPARATOR)),
                        rs.getString(7), JdbcTimestamps.read(rs, "saved_at"))).list();
    }

    /** The tags that at least one published article carries. */
    public Set<String> publishedTags() {
        return new TreeSet<>(jdbc.sql("""
                SELECT DISTINCT t.tag FROM knowledge_article_tag t JOIN knowledge_article a ON a.id = t.article_id
                 WHERE a.status = 'PUBLISHED'
                """).query(String.class).list());
    }

    private Article article(ResultSet rs, int row) throws SQLException {
        return new Article(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("language"),
                ArticleStatus.valueOf(rs.getString("status")), List.of(), rs.getLong("version"),
                rs.getString("created_by"), JdbcTimestamps.read(rs, "created_at"), rs.getString("updated_by"),
                JdbcTimestamps.read(rs, "updated_at"), JdbcTimestamps.read(rs, "published_at"));
    }
}
