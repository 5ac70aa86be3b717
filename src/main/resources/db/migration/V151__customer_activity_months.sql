-- Activity by customer and business month: what the activity figures need, so that a new month's window is
-- summed from these rows instead of the orders, and a run as of a past month-end reads them too. Derived data,
-- rebuilt from orders and interactions for the customers whose data changed.
-- pay_seconds: the seconds from placing to paying of the month's paid orders, ascending, comma-separated; the
-- median order speed of a window is taken over the months' lists.
CREATE TABLE customer_activity_month (
    customer_id   BIGINT  NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    month_start   DATE    NOT NULL,
    spend_cents   BIGINT  NOT NULL,
    paid_orders   INTEGER NOT NULL,
    first_paid_at TIMESTAMP WITH TIME ZONE,
    last_paid_at  TIMESTAMP WITH TIME ZONE,
    pay_seconds   VARCHAR,
    complaints    INTEGER NOT NULL,
    referrals     INTEGER NOT NULL,
    interactions  INTEGER NOT NULL,
    new_needs     INTEGER NOT NULL,
    last_cart_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (customer_id, month_start)
);

-- A change that counts only from an instant on (an order paid in the future) waits in the queue until then.
ALTER TABLE customer_activity_stale ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;

-- Whether the monthly rows cover every customer; until they do, the next refresh builds them all.
ALTER TABLE customer_activity_state ADD COLUMN months_built BOOLEAN DEFAULT FALSE NOT NULL;
