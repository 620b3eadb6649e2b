-- Machine output of extract and link, and human decisions kept apart from it.
-- Keys (claim_key, event_key, person_key) are stable across re-processing so that human
-- decisions, which refer to keys, survive re-extraction and re-linking.
CREATE TABLE claims (
    claim_id        INTEGER PRIMARY KEY,
    claim_key       TEXT NOT NULL UNIQUE,          -- hash of doc_id, span and type
    doc_id          TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    paragraph_index INTEGER,
    type            TEXT NOT NULL,
    theme           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    date            TEXT,
    date_precision  TEXT NOT NULL DEFAULT 'unknown',
    date_basis      TEXT NOT NULL DEFAULT 'unknown',
    location_json   TEXT,
    actors_json     TEXT NOT NULL DEFAULT '[]',
    quantity_json   TEXT,
    claimed_by_json TEXT NOT NULL DEFAULT '[]',
    stance          TEXT NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    quote           TEXT NOT NULL,
    extractor       TEXT NOT NULL,
    confidence      REAL NOT NULL,
    denies_claim_id INTEGER REFERENCES claims(claim_id) ON DELETE SET NULL,
    event_id        INTEGER REFERENCES events(event_id) ON DELETE SET NULL
);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX claims_type ON claims(type);

CREATE TABLE casualty_mentions (
    mention_id       INTEGER PRIMARY KEY,
    mention_key      TEXT NOT NULL UNIQUE,
    doc_id           TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    quote            TEXT NOT NULL,
    age              INTEGER,
    born             INTEGER,
    rank             TEXT,
    status           TEXT NOT NULL DEFAULT 'unknown',
    home_region      TEXT,
    home_region_code TEXT,
    home_town        TEXT,
    occupation       TEXT,
    unit             TEXT,
    date_of_death    TEXT,
    date_precision   TEXT NOT NULL DEFAULT 'unknown',
    place_of_death   TEXT,
    claimed_by_json  TEXT NOT NULL DEFAULT '[]',
    person_id        INTEGER REFERENCES persons(person_id) ON DELETE SET NULL
);
CREATE INDEX casualty_mentions_doc ON casualty_mentions(doc_id);

-- Events and persons are rebuilt by link; their keys are those of their anchor claim/mention.
CREATE TABLE events (
    event_id            INTEGER PRIMARY KEY,
    event_key           TEXT NOT NULL UNIQUE,
    type                TEXT NOT NULL,
    theme               TEXT NOT NULL,
    summary             TEXT NOT NULL,
    date                TEXT,
    date_precision      TEXT NOT NULL DEFAULT 'unknown',
    location_json       TEXT,
    actors_json         TEXT NOT NULL DEFAULT '[]',
    quantity_json       TEXT,
    status              TEXT NOT NULL DEFAULT 'reported',
    first_reported      TEXT,
    independent_sources INTEGER NOT NULL DEFAULT 1,
    sources_json        TEXT NOT NULL DEFAULT '[]',
    explanation_json    TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE persons (
    person_id           INTEGER PRIMARY KEY,
    person_key          TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    variants_json       TEXT NOT NULL DEFAULT '[]',
    age                 INTEGER,
    born                INTEGER,
    rank                TEXT,
    status              TEXT NOT NULL DEFAULT 'unknown',
    home_region         TEXT,
    home_region_code    TEXT,
    home_town           TEXT,
    occupation          TEXT,
    unit                TEXT,
    date_of_death       TEXT,
    date_precision      TEXT NOT NULL DEFAULT 'unknown',
    place_of_death      TEXT,
    first_reported      TEXT,
    independent_sources INTEGER NOT NULL DEFAULT 1
);

-- Human decisions: an append-only audit log. Never written by ingest, extract or link.
-- target_kind: event | person | claim | brief; action: accept | reject | edit | merge | split |
-- include | exclude | order; value_json holds the new value (an edit) or the other key (a merge).
CREATE TABLE decisions (
    decision_id INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL,
    target_key  TEXT NOT NULL,
    action      TEXT NOT NULL,
    field       TEXT,
    value_json  TEXT,
    user        TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX decisions_target ON decisions(target_kind, target_key);

CREATE TABLE users (
    user_id       INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
