-- A run approved automatically says so by its approver ('system'); the console words it in the reader's language,
-- so the English note such approvals used to store goes.
UPDATE assessment_run SET decision_note = NULL
 WHERE decided_by = 'system' AND decision_note = 'trigger run approved automatically';
