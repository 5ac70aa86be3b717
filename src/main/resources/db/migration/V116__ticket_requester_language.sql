-- The language the requester speaks (a code of tierdesk.people.languages, such as zh or en): assignment looks for
-- someone who speaks it. Tickets taken in before it was kept have none.
ALTER TABLE ticket ADD COLUMN requester_language VARCHAR(16);
