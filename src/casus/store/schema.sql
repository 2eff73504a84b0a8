-- casus store schema (DuckDB). One row per document, sentence, actor mention, event and rejected input.
-- Offsets (start/end) are character offsets into documents.text.

CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL UNIQUE,
    url           VARCHAR,
    title         VARCHAR,
    author        VARCHAR,
    published     DATE,
    lang          VARCHAR,
    lang_score    DOUBLE,
    source_format VARCHAR,
    origin        VARCHAR,
    text          VARCHAR,
    n_sentences   INTEGER,
    n_events      INTEGER,
    debris        JSON,
    ingested_at   TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id    VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    start_pos INTEGER NOT NULL,
    end_pos   INTEGER NOT NULL,
    paragraph INTEGER,
    kind      VARCHAR,
    text      VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id    VARCHAR NOT NULL,
    sentence  INTEGER NOT NULL,
    start_pos INTEGER NOT NULL,
    end_pos   INTEGER NOT NULL,
    text      VARCHAR,
    code      VARCHAR,
    kind      VARCHAR,
    country   VARCHAR,
    org       VARCHAR,
    role      VARCHAR,
    name      VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    lang            VARCHAR,
    sentence        INTEGER,
    evidence_text   VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    source_code     VARCHAR,
    source_text     VARCHAR,
    source_country  VARCHAR,
    source_org      VARCHAR,
    source_name     VARCHAR,
    target_code     VARCHAR,
    target_text     VARCHAR,
    target_country  VARCHAR,
    target_org      VARCHAR,
    target_name     VARCHAR,
    cameo           VARCHAR,
    cameo_root      VARCHAR,
    plover          VARCHAR,
    goldstein       DOUBLE,
    quad_class      INTEGER,
    event_date      DATE,
    date_precision  VARCHAR,
    date_source     VARCHAR,
    modality        VARCHAR,
    negated         BOOLEAN,
    attribution_code VARCHAR,
    attribution_text VARCHAR,
    quantities      JSON,
    location_text   VARCHAR,
    location_country VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    confidence      DOUBLE,
    coder           VARCHAR,
    mentions        INTEGER,
    rule            VARCHAR,
    record          JSON
);

CREATE TABLE IF NOT EXISTS rejected (
    input   VARCHAR NOT NULL,
    reason  VARCHAR NOT NULL,
    stage   VARCHAR,
    at      TIMESTAMP DEFAULT current_timestamp
);
