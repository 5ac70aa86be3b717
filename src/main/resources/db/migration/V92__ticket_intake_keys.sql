-- Idempotent intake: a client's Idempotency-Key, written in the transaction that creates the ticket, with the hash
-- of the request it came with. The unique key makes concurrent first requests with one key create one ticket.
CREATE TABLE ticket_intake_key (
    idempotency_key VARCHAR(200) NOT NULL PRIMARY KEY,
    request_sha256  VARCHAR(64)  NOT NULL,
    ticket_id       BIGINT REFERENCES ticket (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
