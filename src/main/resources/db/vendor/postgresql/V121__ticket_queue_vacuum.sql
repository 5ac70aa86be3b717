-- PostgreSQL only: every change of an open ticket deletes and inserts its queue row, and the queues read the rows
-- from their indexes alone where the table's pages are marked all-visible, which only a vacuum does. Vacuumed after 1 %
-- of its rows changed or were added instead of 20 %, so that a million open tickets are not read from the table
-- between two vacuums; analyzed as often, so that the risk counts' plans see the moved rows.
ALTER TABLE ticket_queue SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01,
                              autovacuum_analyze_scale_factor = 0.01);
