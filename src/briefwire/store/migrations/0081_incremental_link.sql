-- Incremental linking reads what new claims can touch, not the whole ledger (issue 15).
-- A claim's day for blocking: its own date, else its document's publication day (what
-- link.scope compares); kept by a trigger so the code that writes claims need not know.
ALTER TABLE claims ADD COLUMN link_day TEXT;

UPDATE claims SET link_day = CASE
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(date, 1, 10)
    ELSE (SELECT CASE WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                      THEN substr(d.published, 1, 10) END
          FROM documents d WHERE d.doc_id = claims.doc_id)
END;

CREATE TRIGGER claims_link_day AFTER INSERT ON claims BEGIN
    UPDATE claims SET link_day = CASE
        WHEN new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(new.date, 1, 10)
        ELSE (SELECT CASE WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                          THEN substr(d.published, 1, 10) END
              FROM documents d WHERE d.doc_id = new.doc_id)
    END
    WHERE claim_id = new.claim_id;
END;

CREATE INDEX claims_type_day ON claims(type, link_day);
CREATE INDEX casualty_mentions_person ON casualty_mentions(person_id);
CREATE INDEX entity_mentions_mention ON entity_mentions(mention_key);
CREATE INDEX events_first_reported ON events(first_reported);

-- Sentence embeddings of claim texts, by model and text hash: a claim is embedded once, not on
-- every re-link of its block. float32 little-endian, normalised.
CREATE TABLE claim_vectors (
    model     TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector    BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
