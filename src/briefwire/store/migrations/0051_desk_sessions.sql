-- The desk's sessions live in the ledger: the cookie carries only a random token, and this
-- table its hash. Logging out deletes the row; a new password or role deletes every session of
-- that user, so both end sessions at once (a cookie that held the user name stayed valid).
CREATE TABLE desk_sessions (
    token_hash TEXT PRIMARY KEY,          -- sha256 of the cookie's token, never the token
    user_id    INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at REAL NOT NULL              -- unix time
);
CREATE INDEX desk_sessions_user ON desk_sessions(user_id);

-- Every login attempt, written before its password is checked (so parallel guesses are all
-- counted) and kept across restarts; throttled by name, by client address and by the pair.
CREATE TABLE login_attempts (
    attempt_id INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    address    TEXT NOT NULL,
    at         REAL NOT NULL,             -- unix time
    ok         INTEGER NOT NULL DEFAULT 0 -- 1 once the password proved right
);
CREATE INDEX login_attempts_name ON login_attempts(name, at);
CREATE INDEX login_attempts_address ON login_attempts(address, at);
