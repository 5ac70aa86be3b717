-- PostgreSQL only: result chunks are mostly doubles, which compress poorly, and pglz spends more time trying than
-- writing a million customers' results takes; stored out of line without compression instead.
ALTER TABLE assessment_result_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
