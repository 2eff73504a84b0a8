"""Canonical events: event records from different documents that state the same event become one.

Two records state the same event when they have the same source and target primaries (country or IGO code),
compatible CAMEO codes (same root, or roots that code one happening from two sides: an intent to send troops
and their dispatch), dates within a window, and similar evidence: the same story, or evidence sharing enough
content words in one language. Records of one document never merge here: the coder has already joined what a
document states twice, so two records of one document are two events.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from casus.doc import code_primary as primary

COMPATIBLE_ROOTS = [{"03", "07"}, {"18", "19"}, {"13", "15"}]
WORD = re.compile(r"\w{4,}", re.UNICODE)


@dataclass(slots=True)
class CanonOptions:
    window_days: int = 7
    evidence_jaccard: float = 0.3


def roots_compatible(a: str, b: str) -> bool:
    return a == b or any(a in g and b in g for g in COMPATIBLE_ROOTS)


def words(text: str | None) -> set[str]:
    return {w.lower() for w in WORD.findall(text or "")}


@dataclass(slots=True)
class Canon:
    canon_id: str
    source: str | None
    target: str | None
    root: str
    day: date | None
    lang_words: dict[str, set[str]] = field(default_factory=dict)
    stories: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)


class CanonIndex:
    def __init__(self, opts: CanonOptions | None = None):
        self.opts = opts or CanonOptions()
        self.by_pair: dict[tuple[str | None, str | None], list[Canon]] = {}
        self.by_id: dict[str, Canon] = {}

    def match(self, ev: dict[str, Any], story: str | None) -> Canon | None:
        src, tgt, root = primary(ev["source_code"]), primary(ev["target_code"]), (ev["cameo"] or "")[:2]
        ev_words = words(ev["evidence_text"])
        for canon in self.by_pair.get((src, tgt), []):
            if ev["doc_id"] in canon.docs:  # the coder already merged what one document states twice
                continue
            if not roots_compatible(canon.root, root):
                continue
            if (
                canon.day
                and ev["event_date"]
                and abs((canon.day - ev["event_date"]).days) > self.opts.window_days
            ):
                continue
            same_story = story is not None and story in canon.stories
            other = canon.lang_words.get(ev["lang"] or "")
            overlap = len(ev_words & other) / len(ev_words | other) if other and ev_words else 0.0
            if same_story or overlap >= self.opts.evidence_jaccard:
                return canon
        return None

    def add(self, ev: dict[str, Any], story: str | None, canon_id: str | None = None) -> str:
        """File the event under its canonical event (an existing one, or a new one); return the canon id.

        `canon_id` files it under that id as stored before (reloading), without matching.
        """
        canon = self.by_id.get(canon_id) if canon_id else self.match(ev, story)
        if canon is None:
            src, tgt = primary(ev["source_code"]), primary(ev["target_code"])
            cid = canon_id or "canon-" + hashlib.sha1(ev["event_id"].encode()).hexdigest()[:14]
            canon = Canon(
                canon_id=cid, source=src, target=tgt, root=(ev["cameo"] or "")[:2], day=ev["event_date"]
            )
            self.by_pair.setdefault((src, tgt), []).append(canon)
            self.by_id[cid] = canon
        canon.docs.add(ev["doc_id"])
        lang = ev["lang"] or ""
        canon.lang_words.setdefault(lang, set()).update(words(ev["evidence_text"]))
        if story:
            canon.stories.add(story)
        return canon.canon_id


def combined_confidence(per_source: list[float]) -> float:
    """1 - prod(1 - c) over independent sources: each independent confirmation raises it."""
    miss = 1.0
    for c in per_source:
        miss *= 1.0 - max(0.0, min(c, 0.99))
    return round(1.0 - miss, 3)
