-- Entities (people, organisations, places) with their aliases and mentions, and link's
-- reasoning: every scored claim pair (features, score, verdict) and per-event details
-- (independent-source units, claimants, conflicting values). All of it is machine output,
-- rebuilt by link; human decisions stay in `decisions` and refer to stable keys.
CREATE TABLE entities (
    entity_id  INTEGER PRIMARY KEY,
    entity_key TEXT NOT NULL UNIQUE,   -- person:<surname skeleton>|<given>, org:<profile key>, place:<ISO code>
    kind       TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place')),
    name       TEXT NOT NULL,
    code       TEXT,                   -- ISO 3166 code of a place, profile key of an organisation
    official   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_kind ON entities(kind);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    folded    TEXT NOT NULL,           -- casefolded alias, for lookup
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_folded ON entity_aliases(folded);

CREATE TABLE entity_mentions (
    entity_id   INTEGER NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    surface     TEXT NOT NULL,
    role        TEXT NOT NULL,
    claim_key   TEXT,
    mention_key TEXT
);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
CREATE INDEX entity_mentions_claim ON entity_mentions(claim_key);

-- Every candidate pair link scored: the features, the score, the veto if any, and whether the
-- two claims ended in one event. `why` reads this.
CREATE TABLE link_pairs (
    claim_a       TEXT NOT NULL,
    claim_b       TEXT NOT NULL,
    score         REAL NOT NULL,
    merged        INTEGER NOT NULL,
    veto          TEXT,
    features_json TEXT NOT NULL,
    PRIMARY KEY (claim_a, claim_b)
);
CREATE INDEX link_pairs_b ON link_pairs(claim_b);

-- Per event (by event_key) and per person (by person_key): independent-source units, claimants,
-- status reason, conflicting values, field conflicts.
CREATE TABLE link_details (
    kind         TEXT NOT NULL CHECK (kind IN ('event', 'person')),
    target_key   TEXT NOT NULL,
    details_json TEXT NOT NULL,
    PRIMARY KEY (kind, target_key)
);
