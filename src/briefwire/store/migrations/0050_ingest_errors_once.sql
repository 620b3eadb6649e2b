-- An input that fails the same way on every run is one error row, with how often it failed.
ALTER TABLE ingest_errors ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
UPDATE ingest_errors SET attempts = (
    SELECT COUNT(*) FROM ingest_errors e
    WHERE e.origin = ingest_errors.origin AND e.stage = ingest_errors.stage AND e.reason = ingest_errors.reason
);
DELETE FROM ingest_errors WHERE error_id NOT IN (
    SELECT MAX(error_id) FROM ingest_errors GROUP BY origin, stage, reason
);
CREATE UNIQUE INDEX ingest_errors_once ON ingest_errors(origin, stage, reason);
