"""The clean stage: `doc.raw` (a scraped page, a JSONL text, or HTML's extracted main text) to `doc.text`.

What it does, in order:
1. Normalise each line (NFC, zero-width characters out, runs of whitespace to one space).
2. Drop debris lines with their reason (`casus.ingest.debris`): navigation, related links and the headline
   after a "read also" label, lone dashes, share / subscribe / cookie lines, summary-box labels, link-only and
   date-only lines, embedded-post signatures.
3. The title: the reader's (HTML/JSONL `title`) or the first line when it reads like one; later copies are
   `repeated-title` debris. When the text does not start with the reader's title, a title paragraph is put
   first so headline events can be coded.
4. Paragraphs: one per line (lines hard-wrapped inside a block are joined back). The post before an
   embedded-post signature becomes one `embedded` paragraph (the writer did not write it); short lines
   without final punctuation between paragraphs are `heading`s.
5. `doc.text` is the paragraphs joined by a blank line; `doc.paragraphs` hold their exact offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from casus.doc import Debris, Doc, Paragraph
from casus.errors import CasusError
from casus.ingest.debris import HANDLE, SIGNATURE, DebrisRules, label_key, load_rules
from casus.options import Options

_SPACES = re.compile(r"[ \t\r\f\v\u1680\u2000-\u200a\u205f\u3000]+|\s{2,}")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_FINAL = tuple(".!?…:;")
_CLOSERS = "»”\"'’)]"
_TITLE_MAX = 250
_HEADING_MAX_CHARS = 120
_HEADING_MAX_WORDS = 16
_RELATED_HEADLINE_MAX = 220
_SAME_HEADLINE = 90  # rapidfuzz partial ratio above which a first line is the metadata title
_WRAP_MIN = 30  # a line shorter than this is not a hard-wrapped line of a longer paragraph

SEP = "\n\n"


@dataclass(slots=True)
class _Line:
    text: str
    number: int  # 1-based line of the raw input
    block: int  # blank-line separated block it stood in
    kind: str = "body"


def normalise_line(line: str) -> str:
    if not line.isascii():
        line = unicodedata.normalize("NFC", _INVISIBLE.sub("", line))
    return _SPACES.sub(" ", line).strip()


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a sentence (final punctuation, possibly inside a closing quote or bracket)."""
    return text.rstrip(_CLOSERS).endswith(_FINAL)


def _title_key(text: str) -> str:
    return " ".join(label_key(text).split())


def same_headline(line: str, title: str) -> bool:
    """Whether a page's first line is its metadata title give or take a site name or a kicker
    ("Opinion | Is Football Violence a Crime?" and "Is Football Violence a Crime?")."""
    if ends_sentence(line) and not line.endswith(("?", "!")):
        return False
    if not 0.5 * len(title) <= len(line) <= len(title) + 20:
        return False
    return fuzz.partial_ratio(line.casefold(), title.casefold()) >= _SAME_HEADLINE


class Cleaner:
    """Built once with the debris rules; `clean(doc)` fills text, paragraphs, debris and title."""

    def __init__(self, rules: DebrisRules):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return self.clean(doc)

    def clean(self, doc: Doc) -> Doc:
        debris: list[Debris] = []
        if not doc.raw and doc.text:  # a Doc built in code with only its text: clean that text
            doc.raw = doc.text
        lines = self._content_lines(doc.raw, debris, doc)
        lines = self._title(doc, lines, debris)
        lines = self._embedded(lines, debris, doc)
        paras = self._join_wraps(lines)
        if not paras:
            raise CasusError("no text left after removing page debris")
        self._headings(paras)
        self._build(doc, paras)
        debris.sort(key=lambda d: d.line or 0)
        doc.debris = debris
        return doc

    def _content_lines(self, raw: str, debris: list[Debris], doc: Doc) -> list[_Line]:
        """Normalised non-empty lines that are not debris; debris goes to `debris` with its reason."""
        kept: list[_Line] = []
        block = 0
        related_at: int | None = None  # line number of a lone "read also" label
        blank_run = 0
        for number, raw_line in enumerate(raw.splitlines(), start=1):
            line = normalise_line(raw_line)
            if not line:
                block += 1
                blank_run += 1
                continue
            if related_at is not None:
                related_at = None
                if blank_run <= 1 and len(line) <= _RELATED_HEADLINE_MAX and not SIGNATURE.match(line):
                    debris.append(Debris(line, "related-link", number))
                    blank_run = 0
                    continue
            blank_run = 0
            related = self.rules.related_label(line)
            if related:
                debris.append(Debris(line, "related-link", number))
                if related == "alone":
                    related_at = number
                continue
            if SIGNATURE.match(line):
                kept.append(_Line(line, number, block, kind="signature"))
                continue
            reason = self.rules.reason(line)
            if reason == "embed-signature":  # "A post shared by Name (@handle)": the line before is the post
                kept.append(_Line(line, number, block, kind="signature"))
                continue
            if reason:
                debris.append(Debris(line, reason, number))
                if reason == "date-line" and "date_line" not in doc.meta:
                    doc.meta["date_line"] = line
                continue
            kept.append(_Line(line, number, block))
        return kept

    def _title(self, doc: Doc, lines: list[_Line], debris: list[Debris]) -> list[_Line]:
        """Mark the title line (or add the reader's title first) and drop its repeated copies."""
        keys: set[str] = set()
        if doc.title:
            title = normalise_line(doc.title)
            keys.add(_title_key(title))
            if lines and (_title_key(lines[0].text) in keys or same_headline(lines[0].text, title)):
                lines[0].kind = "title"
                title = lines[0].text  # the headline as the page prints it, without a site name
            else:
                lines.insert(0, _Line(title, 0, -1, kind="title"))
        elif len(lines) >= 2 and self._reads_like_title(lines[0].text):
            lines[0].kind = "title"
            title = lines[0].text
        else:
            return lines
        doc.title = title
        keys.add(_title_key(title))
        out = [lines[0]]
        for line in lines[1:]:
            if line.kind != "signature" and _title_key(line.text) in keys:
                debris.append(Debris(line.text, "repeated-title", line.number))
            else:
                out.append(line)
        return out

    @staticmethod
    def _reads_like_title(text: str) -> bool:
        return len(text) <= _TITLE_MAX and not text.rstrip(_CLOSERS).endswith((".", ":", ";", ","))

    def _embedded(self, lines: list[_Line], debris: list[Debris], doc: Doc) -> list[_Line]:
        """The post before each signature line becomes `embedded`; the signature goes to debris."""
        out: list[_Line] = []
        posts = []
        for line in lines:
            if line.kind != "signature":
                out.append(line)
                continue
            match = SIGNATURE.match(line.text)
            handle = match or HANDLE.search(line.text)
            debris.append(Debris(line.text, "embedded-signature", line.number))
            if out and out[-1].kind in ("body", "heading"):
                out[-1].kind = "embedded"
                posts.append(
                    {
                        "line": out[-1].number,
                        "author": match.group("name").strip() if match else None,
                        "handle": handle.group("handle") if handle else None,
                        "signature": line.text,
                    }
                )
        if posts:
            doc.meta["embedded_posts"] = posts
        return out

    @staticmethod
    def _join_wraps(lines: list[_Line]) -> list[_Line]:
        """Join lines hard-wrapped inside one block: a line that does not end a sentence, followed in the same
        block by a line starting in lower case, continues the paragraph."""
        out: list[_Line] = []
        for line in lines:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.block == line.block
                and prev.kind == "body"
                and line.kind == "body"
                and len(prev.text) >= _WRAP_MIN
                and line.text[0].islower()
                and not ends_sentence(prev.text)
            ):
                prev.text = f"{prev.text} {line.text}"
                continue
            out.append(line)
        return out

    @staticmethod
    def _headings(paras: list[_Line]) -> None:
        """Short lines without final punctuation, with paragraphs before and after, are headings."""
        for i in range(1, len(paras) - 1):
            para = paras[i]
            text = para.text
            if (
                para.kind == "body"
                and len(text) <= _HEADING_MAX_CHARS
                and not ends_sentence(text)
                and not text.endswith(",")
                and text.count(" ") < _HEADING_MAX_WORDS
            ):
                para.kind = "heading"

    @staticmethod
    def _build(doc: Doc, paras: list[_Line]) -> None:
        parts: list[str] = []
        out: list[Paragraph] = []
        pos = 0
        for para in paras:
            if parts:
                pos += len(SEP)
            out.append(Paragraph(pos, pos + len(para.text), para.kind))
            parts.append(para.text)
            pos += len(para.text)
        doc.text = SEP.join(parts)
        doc.paragraphs = out


def make_stage(opts: Options) -> Callable[[Doc], Doc]:
    """The clean stage: debris cues of every language (clean-up runs before language detection)."""
    return Cleaner(load_rules())
