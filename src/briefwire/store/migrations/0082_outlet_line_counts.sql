-- Lines seen per outlet, kept compact (issue 15): the outlet by its source id instead of its
-- name on every row, and no rowid beside the key. The old table held the outlet's name and the
-- line key twice (table and index): about a tenth of a ledger of short posts.
CREATE TABLE outlet_line_counts (
    source_id INTEGER NOT NULL REFERENCES sources(source_id),
    line_hash TEXT NOT NULL,
    n_docs    INTEGER NOT NULL,
    PRIMARY KEY (source_id, line_hash)
) WITHOUT ROWID;

INSERT INTO outlet_line_counts (source_id, line_hash, n_docs)
    SELECT s.source_id, o.line_hash, o.n_docs FROM outlet_lines o JOIN sources s ON s.name = o.outlet;

DROP TABLE outlet_lines;
