-- schema version 3: temporal expressions found in bodies, with their normalised values.
CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    value      TEXT,
    reference  TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX times_value ON times (value);
