-- Happenings (a document's events: the unit linking merges) and first-class mentions.
-- A claim is evidence of one happening of its document; its own sentence type is its facet.
ALTER TABLE claims ADD COLUMN happening_key TEXT;
ALTER TABLE claims ADD COLUMN facet TEXT;
CREATE INDEX claims_happening ON claims(happening_key);

CREATE TABLE happenings (
    happening_id     INTEGER PRIMARY KEY,
    happening_key    TEXT NOT NULL UNIQUE,          -- hash of doc_id, lead span and type
    doc_id           TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,              -- order in the document
    type             TEXT NOT NULL,
    theme            TEXT NOT NULL,
    summary          TEXT NOT NULL,
    stance           TEXT NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    quote            TEXT NOT NULL,
    date             TEXT,
    date_precision   TEXT NOT NULL DEFAULT 'unknown',
    date_basis       TEXT NOT NULL DEFAULT 'unknown',
    location_json    TEXT,
    actors_json      TEXT NOT NULL DEFAULT '[]',
    quantities_json  TEXT NOT NULL DEFAULT '[]',
    claimed_by_json  TEXT NOT NULL DEFAULT '[]',
    facets_json      TEXT NOT NULL DEFAULT '[]',
    evidence_json    TEXT NOT NULL DEFAULT '[]',
    paragraphs_json  TEXT NOT NULL DEFAULT '[]',
    confidence       REAL NOT NULL
);
CREATE INDEX happenings_doc ON happenings(doc_id);

CREATE TABLE mentions (
    mention_id       INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,                 -- quantity, person, organisation, place, date
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    text             TEXT NOT NULL,
    value            TEXT,                          -- normalised: region code, ISO date, name
    quantity_json    TEXT,                          -- {value, unit, approx, value_max}; null if vague
    unit             TEXT,
    paragraph_index  INTEGER,
    happening_key    TEXT,
    role             TEXT
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_kind ON mentions(kind);
