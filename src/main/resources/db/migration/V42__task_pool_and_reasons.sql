-- Tasks that the system creates say why as a message key and its figures (JSON), put into words in the reader's
-- language, instead of a title and a sentence. A task without an owner is in the supervisors' pool until one of
-- them takes it.
ALTER TABLE task ALTER COLUMN title DROP NOT NULL;
ALTER TABLE task ADD COLUMN reason_code VARCHAR(64);
ALTER TABLE task ADD COLUMN reason_figures VARCHAR(1000);
