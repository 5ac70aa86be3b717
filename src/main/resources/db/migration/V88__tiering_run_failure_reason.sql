-- Why a run failed as a message code and its arguments (JSON), put into words in the reader's language; the English
-- text in error stays for runs that failed before and for readers of the table.
ALTER TABLE assessment_run ADD COLUMN failure VARCHAR(4000);
