-- A received mail names the ticket message it became, so that the ticket page shows that message as the customer
-- wrote it (formatted, quoted text folded, files); and an email of a conversation keeps the addresses it copies (Cc),
-- fixed in the outbox with its Message-ID so that a resend copies the same people.
ALTER TABLE mail_message ADD COLUMN ticket_message_id BIGINT;
ALTER TABLE notification ADD COLUMN cc VARCHAR(4000);
