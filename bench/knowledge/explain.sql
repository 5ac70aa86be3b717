-- The search's statements as TermIndex.postings and ArticleStore.byIds issue them for an agent (published articles,
-- both languages), explained with their run on the benchmark's database (run.sh runs it with EXPLAIN=1): the
-- postings of 七天无理由 (four pairs, the most postings of the 50 queries) and of refund, the number of articles
-- searched, and the 20 articles shown.
\echo '== postings: 七天无理由 (七天, 天无, 无理, 理由)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT t.item_id, t.field, t.term, t.occurrences FROM knowledge_term t JOIN knowledge_article a ON a.id = t.item_id
 WHERE t.kind = 'A' AND t.term IN ('七天', '天无', '无理', '理由')
   AND (CAST(NULL AS VARCHAR(8)) IS NULL OR a.language = NULL)
   AND (CAST('PUBLISHED' AS VARCHAR(16)) IS NULL OR a.status = 'PUBLISHED');

\echo '== postings: refund'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT t.item_id, t.field, t.term, t.occurrences FROM knowledge_term t JOIN knowledge_article a ON a.id = t.item_id
 WHERE t.kind = 'A' AND t.term IN ('refund')
   AND (CAST(NULL AS VARCHAR(8)) IS NULL OR a.language = NULL)
   AND (CAST('PUBLISHED' AS VARCHAR(16)) IS NULL OR a.status = 'PUBLISHED');

\echo '== articles searched'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT COUNT(*) FROM knowledge_article a
 WHERE (CAST(NULL AS VARCHAR(8)) IS NULL OR a.language = NULL)
   AND (CAST('PUBLISHED' AS VARCHAR(16)) IS NULL OR a.status = 'PUBLISHED');

\echo '== the 20 articles shown'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, title, body, language, status, version, created_by, created_at, updated_by, updated_at, published_at
  FROM knowledge_article WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
