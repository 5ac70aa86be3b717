-- A search reads every posting of its terms: thousands of rows for a common Chinese pair such as 退货, spread over
-- the whole table. With the columns it reads in the index it is an index-only scan, and the narrower (kind, term)
-- index has nothing left to do.
CREATE INDEX knowledge_term_lookup_idx ON knowledge_term (kind, term, item_id, field, occurrences);
DROP INDEX knowledge_term_term_idx;
-- The filter of the articles searched (status, language), joined to the postings and counted for every search:
-- without it both read the whole article table, bodies included.
CREATE INDEX knowledge_article_filter_idx ON knowledge_article (status, language, id);
