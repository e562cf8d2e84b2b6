-- schema version 5: per-article actors with their canonical id (cid), as one view every query reads.
CREATE VIEW actors_canonical AS
    SELECT COALESCE(l.canonical, aa.actor_id) AS cid, aa.*
    FROM article_actors aa LEFT JOIN actor_links l ON l.actor_id = aa.actor_id;
