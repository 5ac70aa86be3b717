-- Emails in a conversation (replies to a customer's mail): the Message-ID chosen before the hand-over, so that a
-- resend after a crash carries the same one and the receiver sees one message, and the ids it answers. claimed_at is
-- when the dispatcher marked the email SENDING.
ALTER TABLE notification ADD COLUMN message_id VARCHAR(998);
ALTER TABLE notification ADD COLUMN in_reply_to VARCHAR(998);
ALTER TABLE notification ADD COLUMN references_ids VARCHAR(4000);
ALTER TABLE notification ADD COLUMN auto_submitted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE notification ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
