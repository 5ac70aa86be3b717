-- The note of the decision behind a tier change (the supervisor's note on the approved run, on the approved override
-- or on its revocation), so that the customer's own timeline says why as well as what. NULL for decisions without a
-- note and for the changes recorded before notes were carried.
ALTER TABLE customer_tier_timeline ADD COLUMN note VARCHAR(1000);
