-- Completing a publication looks it up by listener and serialized event (PostgreSQL has a hash index instead).
CREATE INDEX event_publication_by_listener_and_event_idx ON event_publication (listener_id, serialized_event);
