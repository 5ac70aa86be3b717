-- Spring Modulith's event publication registry (its JDBC schema version 2): one row per event and listener, written
-- in the transaction that published the event and completed when the listener is done, so that no event is lost
-- between modules. Created here rather than by Modulith at start-up, so that one tool manages the schema. Texts are
-- VARCHAR without a length: unbounded on PostgreSQL, a million characters on H2.
CREATE TABLE event_publication (
    id                     UUID         NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR      NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INTEGER,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
CREATE INDEX event_publication_by_status_idx ON event_publication (status);
