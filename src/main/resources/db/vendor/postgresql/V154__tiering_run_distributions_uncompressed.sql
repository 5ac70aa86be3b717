-- PostgreSQL only: a run's distributions are mostly distinct doubles (about 12 MB for spend over a million
-- customers), which pglz tried to compress for half a second per run and hardly shrank; stored out of line without
-- compression instead, as the result chunks are (V7_1).
ALTER TABLE assessment_run_distribution ALTER COLUMN data SET STORAGE EXTERNAL;
