-- Full-text search that stems: the porter tokenizer lets "draft" find "drafted" and "drafts"
-- (English). Russian words are stemmed in the query instead (Snowball, store/fts_query.py) and
-- matched as prefixes, since SQLite has no Russian tokenizer. Same content table, rebuilt once.
DROP TRIGGER IF EXISTS passages_fts_insert;
DROP TRIGGER IF EXISTS passages_fts_delete;
DROP TABLE IF EXISTS passages_fts;
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, content='passages', content_rowid='passage_id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text) VALUES (new.passage_id, new.text);
END;
CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.passage_id, old.text);
END;
INSERT INTO passages_fts(passages_fts) VALUES ('rebuild');
