-- newsloom store on PostgreSQL, schema version 1 (same tables as SQLite's 0001_init.sql).
CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    source_path   TEXT,
    source_url    TEXT,
    source_format TEXT NOT NULL,
    source_item   INTEGER,
    title         TEXT,
    published     TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',
    outlet        TEXT,
    dateline      TEXT,
    language      TEXT,
    body          TEXT NOT NULL,
    raw_sha256    TEXT NOT NULL,
    body_sha256   TEXT NOT NULL,
    duplicate_of  TEXT,
    minhash       BYTEA,
    extra         TEXT NOT NULL DEFAULT '{}',
    ingested_at   TEXT NOT NULL,
    -- full-text search: title weighs more than body ('simple' keeps every word, as SQLite's unicode61 does)
    fts           TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', body), 'B')
    ) STORED
);
CREATE INDEX articles_body_sha ON articles (body_sha256);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_fts ON articles USING GIN (fts);

CREATE TABLE removed_lines (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    score      REAL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE failures (
    id         BIGSERIAL PRIMARY KEY,
    path       TEXT NOT NULL,
    item       INTEGER NOT NULL DEFAULT -1,
    reason     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    UNIQUE (path, item, reason)
);

CREATE TABLE line_counts (
    grp      TEXT NOT NULL,
    line_key TEXT NOT NULL,
    docs     INTEGER NOT NULL,
    PRIMARY KEY (grp, line_key)
);
