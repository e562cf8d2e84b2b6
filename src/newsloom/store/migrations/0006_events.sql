-- newsloom store, schema version 6: event records (PLOVER type, participants with their actor ids, date
-- and where it came from, quantities as JSON, modality), offsets into the article body. ``date`` is the
-- TIMEX3-style value ("2021-W34", "2021-08-13/2021-08-15"); ``day`` its first day, which orders and filters.
CREATE TABLE events (
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    type             TEXT NOT NULL,
    mode             TEXT,
    coded            TEXT,
    trigger_text     TEXT NOT NULL,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    actor            TEXT,
    actor_start      INTEGER,
    actor_end        INTEGER,
    actor_entity     TEXT,
    actor_name       TEXT,
    target           TEXT,
    target_start     INTEGER,
    target_end       INTEGER,
    target_entity    TEXT,
    target_name      TEXT,
    location         TEXT,
    location_start   INTEGER,
    location_end     INTEGER,
    location_entity  TEXT,
    location_name    TEXT,
    date             TEXT,
    day              TEXT,
    date_source      TEXT,
    time_text        TEXT,
    time_start       INTEGER,
    time_end         INTEGER,
    quantities       TEXT NOT NULL,
    modality         TEXT NOT NULL,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    quote            INTEGER,
    acled            TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_actor ON events (actor_entity);
CREATE INDEX events_target ON events (target_entity);
