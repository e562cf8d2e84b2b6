-- schema version 2: attributed statements (quotes), searchable.
CREATE TABLE quotes (
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    act             TEXT NOT NULL DEFAULT 'statement',
    cue             TEXT,
    cue_start       INTEGER,
    cue_end         INTEGER,
    speaker         TEXT,
    mention         TEXT,
    mention_start   INTEGER,
    mention_end     INTEGER,
    role            TEXT,
    entity          TEXT,
    via             TEXT,
    source          TEXT,
    source_start    INTEGER,
    source_end      INTEGER,
    fts             TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple', text || ' ' || coalesce(speaker, ''))
    ) STORED,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_fts ON quotes USING GIN (fts);
