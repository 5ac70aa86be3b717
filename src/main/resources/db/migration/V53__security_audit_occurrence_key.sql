-- Entries written in reaction to an event carry the occurrence's key, so that the event delivered twice (delivery is
-- at least once) still leaves one entry. Other entries have none.
ALTER TABLE audit_event ADD COLUMN occurrence_key VARCHAR(120);
CREATE UNIQUE INDEX audit_event_occurrence_key_idx ON audit_event (occurrence_key);
