-- Merged tickets: a message carried over from a duplicate keeps its time and author and names the ticket it came
-- from; a duplicate closed by a merge links to the ticket it was merged into.
ALTER TABLE ticket_message ADD COLUMN merged_from BIGINT REFERENCES ticket (id);

CREATE TABLE ticket_merge (
    duplicate_id BIGINT       NOT NULL PRIMARY KEY REFERENCES ticket (id),
    target_id    BIGINT       NOT NULL REFERENCES ticket (id),
    merged_by    VARCHAR(100) NOT NULL,
    merged_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ticket_merge_target_idx ON ticket_merge (target_id);
