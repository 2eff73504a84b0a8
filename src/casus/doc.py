"""The contract between pipeline stages.

One `Doc` flows through every stage. The cleaned text is held once (`doc.text`); paragraphs, sentences,
tokens, mentions and event evidence are character offsets into it, so `doc.text[s.start:s.end]` is always
the span a stage refers to. Nothing a stage removes disappears silently: page debris is kept in
`doc.debris` with the reason it was removed.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Token:
    """A word or punctuation mark: offsets into `doc.text`, its surface form and its lemma."""

    start: int
    end: int
    text: str
    lemma: str


@dataclass(slots=True)
class Paragraph:
    """A block of the cleaned text. `kind` is `title`, `body`, `heading` or `embedded` (a quoted social post)."""

    start: int
    end: int
    kind: str = "body"


@dataclass(slots=True)
class Sentence:
    """A sentence of the cleaned text, with its tokens (offsets into `doc.text`)."""

    index: int
    start: int
    end: int
    paragraph: int
    kind: str = "body"  # inherits the paragraph kind: title, body, heading, embedded
    tokens: list[Token] = field(default_factory=list)

    @property
    def embedded(self) -> bool:
        return self.kind == "embedded"

    def text_of(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


@dataclass(slots=True)
class Debris:
    """A piece of the raw input that is not part of the cleaned text, and why it was removed."""

    text: str
    reason: str  # e.g. "repeated-title", "navigation", "related-link", "lone-dash", "share", "cookie"
    line: int | None = None  # 1-based line of the raw input where it stood, when known


def code_primary(code: str | None) -> str | None:
    """The primary of an actor code (shared/spec/gold-format.md): its country, the first three letters
    (`RUSGOV` -> `RUS`), or the whole `IGO...`/`NGO...` code; None for no code or an unknown country (`---REB`)."""
    if not code or code.startswith("---"):
        return None
    return code if code.startswith(("IGO", "NGO")) else code[:3]


@dataclass(slots=True)
class Mention:
    """An actor mention found in a sentence.

    `code` is CAMEO-style (`RUS`, `PRKMIL`, `KORSPY`, `IGOWSTNAT`, `---REB`); `country` the ISO alpha-3 code
    when known; `org` the short name of an international organisation; `role` the 3-letter role code; `name` a
    person's name. `kind` says what matched: country, demonym, capital, igo, person, role, coref, user.
    """

    start: int
    end: int
    text: str
    code: str
    sentence: int
    kind: str = "country"
    country: str | None = None
    org: str | None = None
    role: str | None = None
    name: str | None = None
    rule: str | None = None  # id of the gazetteer entry or rule that produced it
    # a coreference to several actors ("i due paesi", "the two countries"): their codes, in order; `code` is
    # the first of them. Empty for every other mention.
    members: list[str] = field(default_factory=list)

    def to_actor(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "org": self.org,
            "role": self.role,
            "name": self.name,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Quantity:
    value: float
    unit: str | None
    qualifier: str | None  # exact, about, up_to, at_least, more_than, thousands, ...
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Event:
    """One coded event, to the contract of shared/spec/event-record.md."""

    doc_id: str
    lang: str
    sentence: int
    evidence_start: int
    evidence_end: int
    evidence_text: str
    cameo: str
    source: Mention | None = None
    target: Mention | None = None
    plover: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    date: str | None = None
    date_precision: str = "day"
    date_source: str = "published"
    modality: str = "asserted"
    negated: bool = False
    attribution: Mention | None = None
    quantities: list[Quantity] = field(default_factory=list)
    location: dict[str, Any] | None = None
    confidence: float = 0.5
    coder: str = "lexicon/1"
    mentions: int = 1
    rule: str | None = None
    trigger: dict[str, Any] | None = None  # {"text", "start", "end"} of the cue that fired
    cues: dict[str, Any] = field(default_factory=dict)  # modality / attribution cues, for `casus explain`
    mention_sentences: list[int] = field(default_factory=list)

    @property
    def id(self) -> str:
        key = "|".join(
            [
                self.doc_id,
                str(self.sentence),
                self.source.code if self.source else "",
                self.cameo,
                self.target.code if self.target else "",
            ]
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_record(self) -> dict[str, Any]:
        """The JSON object of shared/spec/event-record.md."""
        rec: dict[str, Any] = {
            "id": self.id,
            "doc_id": self.doc_id,
            "lang": self.lang,
            "sentence": self.sentence,
            "evidence": {"text": self.evidence_text, "start": self.evidence_start, "end": self.evidence_end},
            "source": self.source.to_actor() if self.source else None,
            "target": self.target.to_actor() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "modality": self.modality,
            "negated": self.negated,
            "attribution": (
                {"text": self.attribution.text, "code": self.attribution.code} if self.attribution else None
            ),
            "quantities": [
                {"value": q.value, "unit": q.unit, "qualifier": q.qualifier, "text": q.text}
                for q in self.quantities
            ],
            "location": self.location,
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
            "mentions": self.mentions,
            "mention_sentences": list(self.mention_sentences) or [self.sentence],
            "rule": self.rule,
        }
        return rec


@dataclass(slots=True)
class Doc:
    """A document as casus reads it.

    `raw` is the input text before clean-up (kept for `casus clean --debris`, not stored by default);
    `text` is the cleaned text every offset refers to.
    """

    id: str
    text: str = ""
    raw: str = ""
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    lang: str | None = None
    lang_score: float = 0.0
    lang_hint: str | None = None
    source_format: str = "text"  # text, html, jsonl, warc
    origin: str | None = None  # the file (and line) it came from
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    debris: list[Debris] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Hash of the cleaned text (or the raw input before clean-up): the store's duplicate key."""
        basis = self.text or self.raw
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()

    def sentence_text(self, sent: Sentence) -> str:
        return self.text[sent.start : sent.end]

    def mentions_in(self, sent_index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == sent_index]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        d.pop("raw", None)
        return d


@dataclass(slots=True)
class Rejected:
    """An input that could not be read, with the reason. Recorded, never silently dropped."""

    input: str  # file path, "path:line" for a JSONL record, URL, or "-" for stdin
    reason: str
    stage: str = "ingest"

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"
