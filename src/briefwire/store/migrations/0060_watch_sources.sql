-- Watched sources (issue 13): what `briefwire watch` polls and where each one stands.
-- The `sources` table of 0001 holds outlets as documents name them; these are the inputs.
CREATE TABLE watch_sources (
    name          TEXT PRIMARY KEY,           -- the user's handle: `briefwire sources pause NAME`
    kind          TEXT NOT NULL,              -- feed, telegram, page, folder
    target        TEXT NOT NULL UNIQUE,       -- feed or page URL, channel name, folder path
    outlet        TEXT,                       -- overrides what the source calls itself
    language      TEXT,                       -- used when an item does not say
    interval_s    REAL NOT NULL,
    source_kind   TEXT NOT NULL DEFAULT 'news',
    paused        INTEGER NOT NULL DEFAULT 0,
    paused_reason TEXT,
    added_at      TEXT NOT NULL,
    last_fetch    TEXT,                       -- when it was last asked (ISO, UTC)
    last_success  TEXT,
    last_status   TEXT,                       -- 'ok 3 new', 'not modified', 'HTTP 500' ...
    next_due      REAL NOT NULL DEFAULT 0,    -- unix seconds: when it may be asked again
    cursor        TEXT,                       -- per kind: newest Telegram post id taken
    etag          TEXT,
    last_modified TEXT,
    last_error    TEXT,
    failures      INTEGER NOT NULL DEFAULT 0, -- consecutive; reset by a success
    items_taken   INTEGER NOT NULL DEFAULT 0
);

-- Every item a source has handed to the pipeline, with the version taken (a content hash, or a
-- file's mtime and size): a restart skips what is here, an edit shows as a new version.
CREATE TABLE watch_items (
    source   TEXT NOT NULL REFERENCES watch_sources(name) ON DELETE CASCADE ON UPDATE CASCADE,
    item_key TEXT NOT NULL,
    version  TEXT NOT NULL,
    origin   TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (source, item_key)
);
