"""Hand-made stored events for the analysis, export and API tests: a Russia–Ukraine pair that escalates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from casus.doc import Doc, Event, Mention, Quantity, Sentence
from casus.store import Store

RUS = dict(code="RUSMIL", country="RUS", kind="demonym", role="MIL")
UKR = dict(code="UKR", country="UKR", kind="country")


def _mention(text: str, start: int, info: dict) -> Mention:
    return Mention(start=start, end=start + len(text), text=text, sentence=0, **info)


def make_doc(
    day: date,
    n: int,
    sentence: str,
    cameo: str,
    goldstein: float,
    quad: int,
    plover: str,
    modality: str = "asserted",
    source=RUS,
    target=UKR,
    src_text="Russian forces",
    tgt_text="Ukraine",
    confidence: float = 0.8,
) -> Doc:
    text = f"{sentence} ({day.isoformat()} #{n})"
    doc = Doc(
        id=f"doc-{day.isoformat()}-{n}",
        text=text,
        lang="en",
        published=day,
        url=f"https://news.example.org/{day.isoformat()}/{n}",
    )
    doc.sentences = [Sentence(index=0, start=0, end=len(text), paragraph=0)]
    src = _mention(src_text, text.find(src_text), source)
    tgt = _mention(tgt_text, max(text.find(tgt_text), 0), target)
    doc.mentions = [src, tgt]
    doc.events = [
        Event(
            doc_id=doc.id,
            lang="en",
            sentence=0,
            evidence_start=0,
            evidence_end=len(text),
            evidence_text=text,
            cameo=cameo,
            source=src,
            target=tgt,
            plover=plover,
            goldstein=goldstein,
            quad_class=quad,
            date=day.isoformat(),
            date_source="text",
            modality=modality,
            confidence=confidence,
            quantities=[Quantity(value=12, unit="dead", qualifier="exact", text="12 dead")],
            location={"text": "Kharkiv", "country": "UKR", "lat": 49.98, "lon": 36.25},
        )
    ]
    return doc


def build_escalation_db(path: Path) -> Path:
    """Ten quiet weeks of talks, then a week of heavy fighting, plus a hypothetical threat that never counts."""
    start = date(2024, 1, 1)  # a Monday
    with Store(path) as store:
        for week in range(10):
            day = start + timedelta(weeks=week, days=1)
            store.add(
                make_doc(
                    day, 0, "Russian forces and Ukraine held talks on prisoners.", "040", 1.0, 1, "CONSULT"
                )
            )
        day = start + timedelta(weeks=10, days=2)
        for n in range(4):
            store.add(
                make_doc(day, n, "Russian forces shelled Ukraine's border towns.", "195", -10.0, 4, "ASSAULT")
            )
        store.add(
            make_doc(
                day,
                9,
                "Russian forces would attack Ukraine if talks fail.",
                "138",
                -7.0,
                3,
                "THREATEN",
                modality="hypothetical",
            )
        )
    return path
