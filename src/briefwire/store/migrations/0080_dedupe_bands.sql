-- The dedupe index kept in the ledger (issue 15): the LSH band keys of every indexed paragraph
-- and document, so that a run looks up the candidates of what it adds instead of loading every
-- signature into memory. Keys are 64-bit hashes stored as signed integers; one row per key and
-- member, so a lookup is one index seek whatever the size of the ledger.
CREATE TABLE passage_bands (
    band_key   INTEGER NOT NULL,
    passage_id INTEGER NOT NULL,   -- passages.passage_id: ingest order, the tie-break for "earliest"
    PRIMARY KEY (band_key, passage_id)
) WITHOUT ROWID;

CREATE TABLE document_bands (
    band_key INTEGER NOT NULL,
    doc_seq  INTEGER NOT NULL,     -- documents.seq
    PRIMARY KEY (band_key, doc_seq)
) WITHOUT ROWID;

-- What the keys were made with (dedupe options), and through which document (by seq) every
-- document's keys are in: documents stored before this table existed, or without keys, are
-- indexed by the next run that opens the index.
CREATE TABLE dedupe_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
