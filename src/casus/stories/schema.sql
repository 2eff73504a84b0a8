-- casus stories tables (DuckDB), next to the store's own tables. Rebuilt from documents and events at will.

CREATE TABLE IF NOT EXISTS story_docs (
    doc_id      VARCHAR PRIMARY KEY,
    story_id    VARCHAR NOT NULL,
    copy_of     VARCHAR,              -- the earliest document this one is a copy or light rewrite of
    source_key  VARCHAR NOT NULL,     -- the outlet: URL host, else the document itself
    day         DATE,                 -- publication date, else ingestion date
    lang        VARCHAR,
    minhash     UBIGINT[],
    embedding   FLOAT[]
);

CREATE TABLE IF NOT EXISTS stories (
    story_id    VARCHAR PRIMARY KEY,
    title       VARCHAR,
    first_seen  DATE,
    last_seen   DATE,
    n_docs      INTEGER,
    n_sources   INTEGER,
    languages   VARCHAR[],
    centroid    FLOAT[]
);

CREATE TABLE IF NOT EXISTS canonical_events (
    canon_id        VARCHAR PRIMARY KEY,
    source_code     VARCHAR,
    target_code     VARCHAR,
    cameo           VARCHAR,
    plover          VARCHAR,
    goldstein       DOUBLE,
    quad_class      INTEGER,
    event_date      DATE,
    first_seen      DATE,
    last_seen       DATE,
    num_mentions    INTEGER,       -- statements of it, over all documents (titles, bodies, posts)
    num_articles    INTEGER,       -- documents that state it
    num_sources     INTEGER,       -- independent sources: outlets, copies counted once
    languages       VARCHAR[],
    stories         VARCHAR[],
    confidence      DOUBLE,        -- grows with independent confirmation
    evidence        VARCHAR        -- the best evidence (highest confidence, earliest)
);

CREATE TABLE IF NOT EXISTS canonical_members (
    canon_id  VARCHAR NOT NULL,
    event_id  VARCHAR NOT NULL PRIMARY KEY,
    doc_id    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS claims (
    canon_id    VARCHAR PRIMARY KEY,
    status      VARCHAR NOT NULL,   -- open, unconfirmed, confirmed, denied
    first_seen  DATE,
    updated     DATE,
    history     JSON                -- [{date, doc_id, event_id, modality, attribution, status, evidence}]
);
