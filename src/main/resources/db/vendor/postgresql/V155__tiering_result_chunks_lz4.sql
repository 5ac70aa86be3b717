-- PostgreSQL only: result chunks compressed with LZ4, which shrinks them to under half (tiers, flags, the run ids
-- and the whole-number figures repeat) faster than the saved bytes take to write, and reads them back faster too.
-- pglz was too slow for them (V7_1). A server built without LZ4 keeps them uncompressed.
DO $$
BEGIN
    ALTER TABLE assessment_result_chunk ALTER COLUMN data SET COMPRESSION lz4, ALTER COLUMN data SET STORAGE EXTENDED;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'PostgreSQL without LZ4: result chunks stay uncompressed';
END $$;
