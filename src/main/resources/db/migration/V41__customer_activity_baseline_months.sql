-- Months with a paid order among the 12 before the two latest complete months (the spend-drop baseline): the
-- spend-drop trigger counts only customers with a steady baseline. The next refresh recomputes every customer.
ALTER TABLE customer_activity_figures ADD COLUMN baseline_active_months INTEGER DEFAULT 0 NOT NULL;
UPDATE customer_activity_state SET window_month = NULL;
