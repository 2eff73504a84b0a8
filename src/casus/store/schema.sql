-- casus store schema (DuckDB). One row per document, sentence, actor mention, event and rejected input.
-- Offsets (start_pos/end_pos, evidence_start/evidence_end) are character offsets into documents.text.
-- Every statement is idempotent: the store runs this file each time it opens a database.

CREATE TABLE IF NOT EXISTS casus_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL UNIQUE,  -- sha256 of the cleaned text: the duplicate key
    url           VARCHAR,
    title         VARCHAR,
    author        VARCHAR,
    published     DATE,
    lang          VARCHAR,
    lang_score    DOUBLE,
    source_format VARCHAR,
    origin        VARCHAR,                  -- the file (and line) it came from
    text          VARCHAR,                  -- the cleaned text every offset refers to
    n_sentences   INTEGER,
    n_events      INTEGER,
    paragraphs    JSON,                     -- [{start, end, kind}]
    debris        JSON,                     -- [{text, reason, line}]: what clean-up removed, and why
    meta          JSON,
    ingested_at   TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id    VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    start_pos INTEGER NOT NULL,
    end_pos   INTEGER NOT NULL,
    paragraph INTEGER,
    kind      VARCHAR,                      -- title, body, heading, embedded
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
    name      VARCHAR,
    rule      VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id         VARCHAR PRIMARY KEY,
    doc_id           VARCHAR NOT NULL,
    lang             VARCHAR,
    sentence         INTEGER,
    evidence_text    VARCHAR,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    source_code      VARCHAR,
    source_text      VARCHAR,
    source_country   VARCHAR,
    source_org       VARCHAR,
    source_name      VARCHAR,
    target_code      VARCHAR,
    target_text      VARCHAR,
    target_country   VARCHAR,
    target_org       VARCHAR,
    target_name      VARCHAR,
    cameo            VARCHAR,
    cameo_root       VARCHAR,
    plover           VARCHAR,
    goldstein        DOUBLE,
    quad_class       INTEGER,
    event_date       DATE,                  -- first day of the month/year where the precision is coarser
    date_text        VARCHAR,               -- the date exactly as the record gives it
    date_precision   VARCHAR,
    date_source      VARCHAR,
    modality         VARCHAR,
    negated          BOOLEAN,
    attribution_code VARCHAR,
    attribution_text VARCHAR,
    quantities       JSON,
    location_text    VARCHAR,
    location_country VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    confidence       DOUBLE,
    coder            VARCHAR,
    mentions         INTEGER,
    rule             VARCHAR,
    trig             JSON,                  -- the cue that fired {text, start, end}
    cues             JSON,                  -- modality / attribution cues
    record           JSON                   -- the full event record (shared/spec/event-record.md)
);

-- One row per (input, reason): re-running the same broken input counts it again instead of adding a row.
CREATE TABLE IF NOT EXISTS rejected (
    input      VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    stage      VARCHAR,
    times      INTEGER DEFAULT 1,
    first_seen TIMESTAMP DEFAULT current_timestamp,
    last_seen  TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (input, reason)
);
