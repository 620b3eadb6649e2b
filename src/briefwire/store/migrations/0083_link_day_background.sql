-- A claim's day for blocking follows link.features.claim_day: a coarse own date (a month, a
-- year) that ended more than 31 days before the report was published is the story's
-- background, and the claim is dated by its publication instead.
DROP TRIGGER IF EXISTS claims_link_day;

CREATE TRIGGER claims_link_day AFTER INSERT ON claims BEGIN
    UPDATE claims SET link_day = (
        SELECT CASE
            WHEN new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                 AND NOT (
                     new.date_precision IN ('month', 'year')
                     AND d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                     AND julianday(substr(d.published, 1, 10)) - julianday(substr(new.date, 1, 10))
                         - (CASE new.date_precision WHEN 'month' THEN 30 ELSE 365 END) > 31
                 )
                THEN substr(new.date, 1, 10)
            WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                THEN substr(d.published, 1, 10)
        END
        FROM documents d WHERE d.doc_id = new.doc_id
    )
    WHERE claim_id = new.claim_id;
END;

UPDATE claims SET link_day = (
    SELECT CASE
        WHEN claims.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
             AND NOT (
                 claims.date_precision IN ('month', 'year')
                 AND d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                 AND julianday(substr(d.published, 1, 10)) - julianday(substr(claims.date, 1, 10))
                     - (CASE claims.date_precision WHEN 'month' THEN 30 ELSE 365 END) > 31
             )
            THEN substr(claims.date, 1, 10)
        WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
            THEN substr(d.published, 1, 10)
    END
    FROM documents d WHERE d.doc_id = claims.doc_id
);
