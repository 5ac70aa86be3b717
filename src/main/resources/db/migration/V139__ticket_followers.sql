-- Who is copied on a ticket's conversation besides its requester: the addresses in CC of the customer's mail (source
-- MAIL_CC) and those an agent added (source ACCOUNT, added_by the account). email_key is the address lower-cased, so
-- that an address follows a ticket once whatever its case. The followers the email channel kept in its own table
-- move here, dated by the ticket's first mail.
CREATE TABLE ticket_followers (
    ticket_id  BIGINT       NOT NULL REFERENCES ticket (id),
    email_key  VARCHAR(254) NOT NULL,
    email      VARCHAR(254) NOT NULL,
    name       VARCHAR(100),
    source     VARCHAR(16)  NOT NULL,
    added_by   VARCHAR(100),
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, email_key),
    CONSTRAINT ticket_followers_source_check CHECK (source IN ('MAIL_CC', 'ACCOUNT'))
);

INSERT INTO ticket_followers (ticket_id, email_key, email, name, source, added_by, added_at)
SELECT f.ticket_id, LOWER(f.address), MIN(f.address), NULL, 'MAIL_CC', NULL,
       COALESCE(MIN(m.received_at), CURRENT_TIMESTAMP)
  FROM mail_follower f
  JOIN ticket t ON t.id = f.ticket_id
  LEFT JOIN mail_message m ON m.ticket_id = f.ticket_id
 GROUP BY f.ticket_id, LOWER(f.address);

DROP TABLE mail_follower;
