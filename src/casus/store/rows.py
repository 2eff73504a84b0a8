"""Turn a `Doc` into the rows of the store's tables (column order as in queries.sql)."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from casus.doc import Doc, Event, Mention

log = logging.getLogger(__name__)


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str)


def parse_event_date(value: str | None) -> date | None:
    """An ISO date, or `YYYY-MM` / `YYYY` (month or year precision) as the first day of that period."""
    if not value:
        return None
    text = value.strip()
    for candidate in (text, f"{text}-01", f"{text}-01-01"):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    log.info("event date %r is not an ISO date; stored as text only", value)
    return None


def document_row(doc: Doc) -> tuple:
    paragraphs = [{"start": p.start, "end": p.end, "kind": p.kind} for p in doc.paragraphs]
    debris = [{"text": d.text, "reason": d.reason, "line": d.line} for d in doc.debris]
    return (
        doc.id,
        doc.content_hash,
        doc.url,
        doc.title,
        doc.author,
        doc.published,
        doc.lang,
        doc.lang_score,
        doc.source_format,
        doc.origin,
        doc.text,
        len(doc.sentences),
        len(doc.events),
        _json(paragraphs),
        _json(debris),
        _json(doc.meta or {}),
    )


def sentence_rows(doc: Doc) -> list[tuple]:
    return [
        (doc.id, s.index, s.start, s.end, s.paragraph, s.kind, doc.text[s.start : s.end])
        for s in doc.sentences
    ]


def mention_rows(doc: Doc) -> list[tuple]:
    return [
        (
            doc.id,
            m.sentence,
            m.start,
            m.end,
            m.text,
            m.code,
            m.kind,
            m.country,
            m.org,
            m.role,
            m.name,
            m.rule,
        )
        for m in doc.mentions
    ]


def _actor(m: Mention | None) -> tuple:
    if m is None:
        return (None, None, None, None, None)
    return (m.code, m.text, m.country, m.org, m.name)


def event_row(event: Event, doc_id: str) -> tuple:
    """The row of one event; `doc_id` is the document it was found in (the key every table shares)."""
    loc = event.location or {}
    record = event.to_record()
    return (
        event.id,
        doc_id,
        event.lang,
        event.sentence,
        event.evidence_text,
        event.evidence_start,
        event.evidence_end,
        *_actor(event.source),
        *_actor(event.target),
        event.cameo,
        event.cameo[:2] if event.cameo else None,
        event.plover,
        event.goldstein,
        event.quad_class,
        parse_event_date(event.date),
        event.date,
        event.date_precision,
        event.date_source,
        event.modality,
        event.negated,
        event.attribution.code if event.attribution else None,
        event.attribution.text if event.attribution else None,
        _json(record["quantities"]),
        loc.get("text"),
        loc.get("country"),
        loc.get("lat"),
        loc.get("lon"),
        event.confidence,
        event.coder,
        event.mentions,
        event.rule,
        _json(event.trigger),
        _json(event.cues or {}),
        _json(record),
    )


def event_rows(doc: Doc) -> list[tuple]:
    """One row per distinct event id; a repeated id (same sentence, source, code, target) is kept once."""
    rows: list[tuple] = []
    seen: set[str] = set()
    for event in doc.events:
        if event.id in seen:
            log.info(
                "%s: event %s (%s) repeated in sentence %d; kept once",
                doc.id,
                event.id,
                event.cameo,
                event.sentence,
            )
            continue
        seen.add(event.id)
        rows.append(event_row(event, doc.id))
    return rows
