-- schema version 4: actors per article (provisional ids), their mentions and roles, and the
-- corpus-wide links from provisional to canonical ids (recomputed whole after each ingest).
CREATE TABLE article_actors (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    actor_id   TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    gazetteer  TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE actor_mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);
CREATE INDEX actor_mentions_article ON actor_mentions (article_id, actor);

CREATE TABLE actor_roles (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor      INTEGER NOT NULL,
    role       TEXT NOT NULL,
    date       TEXT,
    source     TEXT NOT NULL
);
CREATE INDEX actor_roles_article ON actor_roles (article_id, actor);

CREATE TABLE actor_links (
    actor_id  TEXT PRIMARY KEY,
    canonical TEXT NOT NULL
);
CREATE INDEX actor_links_canonical ON actor_links (canonical);
CREATE INDEX quotes_entity ON quotes (entity);
