-- Import settings saved by name from the console, shared by everyone who imports (saved_by says who saved them).
-- Column mapping and constant fields are one "name=value" per line, as the console's form takes them.
CREATE TABLE import_mapping (
    name                     VARCHAR(100)  NOT NULL PRIMARY KEY,
    kind                     VARCHAR(16)   NOT NULL,
    column_mapping           VARCHAR(4000) NOT NULL,
    delimiter                VARCHAR(16),
    constant_fields          VARCHAR(4000) NOT NULL,
    external_id_from         VARCHAR(400),
    create_missing_customers BOOLEAN       NOT NULL,
    charset                  VARCHAR(40),
    saved_by                 VARCHAR(100)  NOT NULL,
    saved_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT import_mapping_kind_check CHECK (kind IN ('CUSTOMERS', 'ORDERS', 'INTERACTIONS', 'TICKETS'))
);

-- The documented CDNOW recipe (docs/import.md), as an example.
INSERT INTO import_mapping (name, kind, column_mapping, delimiter, constant_fields, external_id_from,
                            create_missing_customers, charset, saved_by, saved_at)
VALUES ('CDNOW', 'ORDERS', 'customer_id=customer_code
date=placed_at,paid_at
number_of_cds=-
dollar_value=amount', 'whitespace', 'status=PAID', 'customer_code,placed_at', TRUE, NULL, 'tierdesk', CURRENT_TIMESTAMP);
