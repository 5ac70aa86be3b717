-- Accounts that follow a ticket to hear of it on their console bell (a customer's message, another person's public
-- reply, a status change). Apart from ticket_followers, whose addresses are copied on the conversation by email.
CREATE TABLE ticket_account_followers (
    ticket_id BIGINT       NOT NULL REFERENCES ticket (id),
    account   VARCHAR(100) NOT NULL,
    added_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, account)
);
