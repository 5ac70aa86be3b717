-- Completing a publication looks it up by its serialized event: a hash index, as Modulith's own PostgreSQL schema
-- has, because a B-tree cannot hold an event longer than a third of a page.
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
