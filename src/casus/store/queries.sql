-- Named queries of casus.store. Each block starts with "-- name: <name>" and holds one statement.
-- Insert statements name their columns: the store reads that list and inserts many rows with one
-- statement (each column as one typed list, unnested side by side); VALUES shows the shape of one row.

-- name: find_documents
SELECT doc_id, content_hash FROM documents
WHERE content_hash IN (SELECT unnest(?::VARCHAR[])) OR doc_id IN (SELECT unnest(?::VARCHAR[]));

-- name: delete_events
DELETE FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[]));

-- name: delete_mentions
DELETE FROM mentions WHERE doc_id IN (SELECT unnest(?::VARCHAR[]));

-- name: delete_sentences
DELETE FROM sentences WHERE doc_id IN (SELECT unnest(?::VARCHAR[]));

-- name: delete_documents
DELETE FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]));

-- name: insert_document
INSERT INTO documents (doc_id, content_hash, url, title, author, published, lang, lang_score, source_format,
                       origin, text, n_sentences, n_events, paragraphs, debris, meta)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insert_sentences
INSERT INTO sentences (doc_id, idx, start_pos, end_pos, paragraph, kind, text)
VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: insert_mentions
INSERT INTO mentions (doc_id, sentence, start_pos, end_pos, text, code, kind, country, org, role, name, rule)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insert_events
INSERT INTO events (event_id, doc_id, lang, sentence, evidence_text, evidence_start, evidence_end,
                    source_code, source_text, source_country, source_org, source_name,
                    target_code, target_text, target_country, target_org, target_name,
                    cameo, cameo_root, plover, goldstein, quad_class, event_date, date_text, date_precision,
                    date_source, modality, negated, attribution_code, attribution_text, quantities,
                    location_text, location_country, lat, lon, confidence, coder, mentions, rule, trig, cues,
                    record)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?, ?, ?, ?);

-- name: record_rejected
INSERT INTO rejected (input, reason, stage) VALUES (?, ?, ?)
ON CONFLICT (input, reason) DO UPDATE SET times = rejected.times + 1, last_seen = now(),
                                          stage = excluded.stage;

-- name: count_documents
SELECT count(*) FROM documents;

-- name: count_sentences
SELECT count(*) FROM sentences;

-- name: count_events
SELECT count(*) FROM events;

-- name: count_rejected
SELECT count(*) FROM rejected;

-- name: languages
SELECT coalesce(lang, 'und') AS lang, count(*) AS n FROM documents GROUP BY 1 ORDER BY n DESC, lang;

-- name: documents
SELECT doc_id, title, lang, published, n_sentences, n_events, origin, url, ingested_at
FROM documents ORDER BY ingested_at, doc_id LIMIT ?;

-- name: rejected
SELECT input, reason, stage, times, first_seen, last_seen FROM rejected ORDER BY last_seen DESC, input LIMIT ?;

-- name: document_text
SELECT text FROM documents WHERE doc_id = ?;

-- name: events
SELECT record FROM events
WHERE (? IS NULL OR doc_id = ?)
  AND (? IS NULL OR cameo LIKE ? || '%')
  AND (? IS NULL OR lang = ?)
ORDER BY event_date NULLS LAST, doc_id, sentence, event_id
LIMIT ?;
