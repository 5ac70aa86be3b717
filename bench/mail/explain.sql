-- The statement that matches a mail's sender to a customer (CustomerRepository.findByEmail, for every new mail and
-- every stranger's mail), explained with its run on the benchmark's database (run.sh runs it with EXPLAIN=1): for the
-- address of the customer with the highest id and for an address nobody has; then the same with an index on the
-- lower-cased address (a migration proposed, not in the schema), made and dropped in a transaction rolled back.
\set columns 'c.id, c.code, c.name, c.kind, c.email, c.region, c.registered_on'
SELECT LOWER(email) AS last FROM customer WHERE email IS NOT NULL ORDER BY id DESC LIMIT 1 \gset

\echo '== a customer''s address'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns FROM customer c WHERE LOWER(c.email) = :'last' ORDER BY c.id LIMIT 1;

\echo '== an address nobody has'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns FROM customer c WHERE LOWER(c.email) = 'stranger.8@unknown-sender.example' ORDER BY c.id LIMIT 1;

BEGIN;
CREATE INDEX customer_email_lower_idx ON customer (LOWER(email));
ANALYZE customer;
\echo '== a customer''s address, with the proposed index'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns FROM customer c WHERE LOWER(c.email) = :'last' ORDER BY c.id LIMIT 1;

\echo '== an address nobody has, with the proposed index'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns FROM customer c WHERE LOWER(c.email) = 'stranger.8@unknown-sender.example' ORDER BY c.id LIMIT 1;
ROLLBACK;
