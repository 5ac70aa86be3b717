-- The indexes a migration of the knowledge tables would add (proposed, not part of the schema): run.sh with
-- PROPOSED=1 measures the search with and without them. Plain indexes, so the same statements run on H2.
--
-- A search reads every posting of its terms: thousands of rows for a common Chinese pair such as 退货, spread over
-- the whole table, one heap page each through knowledge_term_term_idx. With the columns it reads in the index, it
-- is an index-only scan (once vacuumed, as autovacuum does after a load), and the narrower (kind, term) index has
-- nothing left to do.
CREATE INDEX knowledge_term_lookup_idx ON knowledge_term (kind, term, item_id, field, occurrences);
DROP INDEX knowledge_term_term_idx;
-- The filter of the articles searched (status, language), joined to the postings and counted for every search:
-- without it both read the whole article table, bodies included.
CREATE INDEX knowledge_article_filter_idx ON knowledge_article (status, language, id);
