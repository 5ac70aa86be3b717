-- The reference for ticket intake, run by pgbench (bench/intake/run.sh): one transaction doing what taking a ticket in
-- must do against TierDesk's own tables, and nothing more: no HTTP, no JSON, no validation, no SLA arithmetic (the
-- four due instants are fixed offsets from now). Run with -M prepared, as JDBC runs its statements. Variables:
-- :customers (customers loaded, codes C0000001 ...) and :policy (the current SLA policy version).
\set customer random(1, :customers)
BEGIN;
-- the customer and its tier (REGULAR when no assessment graded it yet)
SELECT c.id AS customer_id, c.code AS customer_code, COALESCE(t.effective_tier, 'REGULAR') AS tier
  FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
 WHERE c.code = 'C' || lpad(:customer::text, 7, '0') \gset
-- the ticket
INSERT INTO ticket (customer_id, customer_code, channel, requester_name, requester_email, requester_phone, subject,
                    type, priority, status, tier, policy_version, created_at, updated_at, version)
VALUES (:customer_id, :customer_code, 'API', 'Li Lei', 'li.lei@example.com', '+86 138 0000 0000',
        'The order arrived damaged', 'COMPLAINT', 'HIGH', 'NEW', :tier, :policy, now(), now(), 0)
RETURNING id AS ticket_id \gset
-- the idempotency key with the hash of the request
INSERT INTO ticket_intake_key (idempotency_key, request_sha256, ticket_id, created_at)
VALUES (gen_random_uuid()::text, md5(random()::text) || md5(random()::text), :ticket_id, now());
-- four SLA targets
INSERT INTO ticket_sla_target (ticket_id, target, tier, due_at, achieved_at, paused_seconds, status, running, updated_at)
VALUES (:ticket_id, 'FIRST_RESPONSE', :tier, now() + interval '2 hours', NULL, 0, 'ON_TRACK', TRUE, now()),
       (:ticket_id, 'NEXT_REPLY', :tier, now() + interval '8 hours', NULL, 0, 'NOT_APPLICABLE', FALSE, now()),
       (:ticket_id, 'PERIODIC_UPDATE', :tier, now() + interval '1 hour', NULL, 0, 'ON_TRACK', TRUE, now()),
       (:ticket_id, 'RESOLUTION', :tier, now() + interval '24 hours', NULL, 0, 'ON_TRACK', TRUE, now());
-- the request's text as the first customer message
INSERT INTO ticket_message (ticket_id, kind, author, body, at)
VALUES (:ticket_id, 'CUSTOMER_MESSAGE', 'Li Lei',
        'The parcel came with a broken seal and the screen is cracked. Please send a replacement.', now());
-- the timeline entry
INSERT INTO ticket_timeline (ticket_id, at, actor, code, arguments)
VALUES (:ticket_id, now(), 'bench-intake', 'ticket.timeline.created', '["API"]');
END;
