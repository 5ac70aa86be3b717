-- The customer list's churn-risk filter: customers whose last paid order is older than the churn limit.
CREATE INDEX customer_purchase_summary_last_paid_idx ON customer_purchase_summary (last_paid_at);
