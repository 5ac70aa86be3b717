-- Each return is a ticket of type return/exchange, opened with the request or the ticket it was made from, whose
-- RETURN_DECISION target is the decision's deadline; one return a ticket. Returns made before have none.
ALTER TABLE ticket_return ADD COLUMN ticket_id BIGINT;
ALTER TABLE ticket_return ADD CONSTRAINT ticket_return_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id);
CREATE UNIQUE INDEX ticket_return_ticket_idx ON ticket_return (ticket_id);
