-- Sources, documents, passages, removed text, paragraph signatures, ingest errors, full-text search.
CREATE TABLE sources (
    source_id INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL DEFAULT 'news',
    domain    TEXT,
    language  TEXT
);

CREATE TABLE documents (
    doc_id               TEXT PRIMARY KEY,        -- hash of the normalised clean text
    seq                  INTEGER NOT NULL UNIQUE, -- ingest order, the tie-break for "earliest"
    origin               TEXT NOT NULL,
    format               TEXT NOT NULL,
    url                  TEXT,
    source_id            INTEGER REFERENCES sources(source_id),
    title                TEXT,
    dek                  TEXT,
    author               TEXT,
    published            TEXT,
    published_precision  TEXT NOT NULL DEFAULT 'unknown',
    published_basis      TEXT NOT NULL DEFAULT 'unknown',
    published_note       TEXT,
    language             TEXT,
    forwarded_from       TEXT,
    raw_text             TEXT NOT NULL,
    clean_text           TEXT NOT NULL,
    near_duplicate_of    TEXT REFERENCES documents(doc_id),
    near_duplicate_score REAL,
    doc_signature        BLOB,
    extra_json           TEXT NOT NULL DEFAULT '{}',
    ingested_at          TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_origin ON documents(origin);

-- Every place a document was seen; an exact duplicate adds a row here and nothing else.
CREATE TABLE document_origins (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    origin   TEXT NOT NULL,
    raw_hash TEXT NOT NULL,       -- hash of the raw text as read there: a re-read is caught before cleaning
    seen_at  TEXT NOT NULL,
    PRIMARY KEY (doc_id, origin)
);
CREATE INDEX document_origins_origin ON document_origins(origin);
CREATE INDEX document_origins_raw_hash ON document_origins(raw_hash);

CREATE TABLE removed_spans (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    text   TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX removed_spans_doc ON removed_spans(doc_id);

CREATE TABLE passages (
    passage_id  INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    text_hash   TEXT NOT NULL,
    theme       TEXT,
    signature   BLOB,
    reuse_group INTEGER,          -- passage_id of the first stored member of the group
    UNIQUE (doc_id, idx)
);
CREATE INDEX passages_reuse_group ON passages(reuse_group);
CREATE INDEX passages_text_hash ON passages(text_hash);

-- Paragraph re-use as found by dedupe: this passage shares text with that earlier-stored one.
CREATE TABLE reuse_links (
    passage_id       INTEGER NOT NULL REFERENCES passages(passage_id) ON DELETE CASCADE,
    other_passage_id INTEGER NOT NULL REFERENCES passages(passage_id) ON DELETE CASCADE,
    similarity       REAL NOT NULL,
    PRIMARY KEY (passage_id, other_passage_id)
);

-- Lines seen per outlet, one count per document: lines that repeat are learned as boilerplate.
CREATE TABLE outlet_lines (
    outlet    TEXT NOT NULL,
    line_hash TEXT NOT NULL,
    n_docs    INTEGER NOT NULL,
    PRIMARY KEY (outlet, line_hash)
);

CREATE TABLE ingest_errors (
    error_id  INTEGER PRIMARY KEY,
    origin    TEXT NOT NULL,
    stage     TEXT NOT NULL,
    reason    TEXT NOT NULL,
    retryable INTEGER NOT NULL DEFAULT 0,
    at        TEXT NOT NULL
);

CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, content='passages', content_rowid='passage_id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text) VALUES (new.passage_id, new.text);
END;
CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.passage_id, old.text);
END;
