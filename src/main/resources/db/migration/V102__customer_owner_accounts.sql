-- A customer's owner (dedicated account manager) is an account: an owner written as a person's username in other
-- letter case, or as their display name, becomes that username when exactly one person matches. The rest stay as
-- they were, listed for an administrator to map (/admin/customer-owners).
UPDATE customer
SET owner = (SELECT a.username FROM user_account a
             WHERE a.kind = 'PERSON'
               AND (LOWER(a.username) = LOWER(TRIM(customer.owner)) OR a.display_name = TRIM(customer.owner))),
    version = version + 1,
    updated_at = CURRENT_TIMESTAMP
WHERE owner IS NOT NULL
  AND owner NOT IN (SELECT username FROM user_account WHERE kind = 'PERSON')
  AND (SELECT COUNT(*) FROM user_account a
       WHERE a.kind = 'PERSON'
         AND (LOWER(a.username) = LOWER(TRIM(customer.owner)) OR a.display_name = TRIM(customer.owner))) = 1;
