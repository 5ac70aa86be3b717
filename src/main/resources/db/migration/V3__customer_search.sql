-- Indexes for the customer search filters and sort orders not covered by V1.
CREATE INDEX customer_industry_idx ON customer (industry);
CREATE INDEX customer_region_idx ON customer (region);
CREATE INDEX customer_created_idx ON customer (created_at, id);
