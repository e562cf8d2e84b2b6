-- newsloom store, schema version 1: articles, what was removed from them, failures, line statistics.
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
    minhash       BLOB,
    extra         TEXT NOT NULL DEFAULT '{}',
    ingested_at   TEXT NOT NULL
);
CREATE INDEX articles_body_sha ON articles (body_sha256);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE removed_lines (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    score      REAL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE failures (
    id         INTEGER PRIMARY KEY,
    path       TEXT NOT NULL,
    item       INTEGER NOT NULL DEFAULT -1,
    reason     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    UNIQUE (path, item, reason)
);

-- In how many stored documents of an outlet (group '' = no outlet known) a normalised line occurs.
CREATE TABLE line_counts (
    grp      TEXT NOT NULL,
    line_key TEXT NOT NULL,
    docs     INTEGER NOT NULL,
    PRIMARY KEY (grp, line_key)
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content = 'articles', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
