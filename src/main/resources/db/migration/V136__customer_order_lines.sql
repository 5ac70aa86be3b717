-- What an order holds: one row per product, so that a return can name what comes back.
CREATE TABLE customer_order_line (
    order_id     BIGINT         NOT NULL REFERENCES customer_order (id),
    line_no      INTEGER        NOT NULL,
    product_code VARCHAR(64)    NOT NULL,
    product_name VARCHAR(200)   NOT NULL,
    quantity     INTEGER        NOT NULL,
    amount       NUMERIC(14, 2) NOT NULL,
    CONSTRAINT customer_order_line_pk PRIMARY KEY (order_id, line_no),
    CONSTRAINT customer_order_line_quantity_check CHECK (quantity > 0),
    CONSTRAINT customer_order_line_amount_check CHECK (amount >= 0)
);
