-- newsloom store, schema version 2: attributed statements (quotes), searchable.
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
    PRIMARY KEY (article_id, position)
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, speaker, content = 'quotes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
END;
