"""Why casus coded what it coded: per event, the actor spans, the trigger, the rule, the modality and
attribution cues, the confidence and the sentences that state it. `explain(doc)` gives plain dicts (the
`--json` output of `casus explain`); `render(doc, console)` prints them readably with rich."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from casus.doc import Doc, Event, Mention
from casus.ontology import info


def _actor(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"text": m.text, "code": m.code, "start": m.start, "end": m.end, "kind": m.kind, "rule": m.rule}


def explain_event(doc: Doc, ev: Event) -> dict[str, Any]:
    """One event's explanation as a plain dict."""
    try:
        label = info(ev.cameo).label
    except Exception:  # an unknown code from a plug-in coder still gets explained
        label = None
    cues = ev.cues or {}
    return {
        "id": ev.id,
        "sentence": ev.sentence,
        "evidence": {"text": ev.evidence_text, "start": ev.evidence_start, "end": ev.evidence_end},
        "cameo": ev.cameo,
        "label": label,
        "plover": ev.plover,
        "goldstein": ev.goldstein,
        "rule": ev.rule,
        "coder": ev.coder,
        "trigger": ev.trigger,
        "source": _actor(ev.source),
        "target": _actor(ev.target),
        "roles": cues.get("roles", []),
        "passive": cues.get("passive", False),
        "modality": ev.modality,
        "negated": ev.negated,
        "modality_cues": cues.get("modality", []),
        "attribution": _actor(ev.attribution),
        "attribution_cue": cues.get("attribution"),
        "quantities": [
            {"value": q.value, "unit": q.unit, "qualifier": q.qualifier, "text": q.text}
            for q in ev.quantities
        ],
        "date": ev.date,
        "date_precision": ev.date_precision,
        "date_source": ev.date_source,
        "location": ev.location,
        "confidence": round(ev.confidence, 3),
        "mentions": ev.mentions,
        "mention_sentences": list(ev.mention_sentences),
    }


def explain(doc: Doc) -> dict[str, Any]:
    """The document's explanation: its id, language, publication date and one entry per event."""
    return {
        "doc_id": doc.id,
        "lang": doc.lang,
        "published": doc.published.isoformat() if doc.published else None,
        "sentences": len(doc.sentences),
        "mentions": len(doc.mentions),
        "events": [explain_event(doc, ev) for ev in doc.events],
    }


def _highlight(doc: Doc, ev: Event) -> Text:
    """The evidence sentence with the source, target and trigger spans highlighted."""
    start, end = ev.evidence_start, ev.evidence_end
    text = Text(doc.text[start:end].replace("\n", " "))
    spans: list[tuple[int, int, str]] = []
    if ev.source is not None:
        spans.append((ev.source.start, ev.source.end, "bold green"))
    if ev.target is not None:
        spans.append((ev.target.start, ev.target.end, "bold magenta"))
    if ev.attribution is not None:
        spans.append((ev.attribution.start, ev.attribution.end, "italic cyan"))
    if ev.trigger:
        spans.append((int(ev.trigger["start"]), int(ev.trigger["end"]), "bold yellow underline"))
    for s, e, style in spans:
        if start <= s < e <= end:
            text.stylize(style, s - start, e - start)
    return text


def render(doc: Doc, console: Console) -> None:
    """Print the explanation of every event of `doc`."""
    pub = doc.published.isoformat() if doc.published else "unknown"
    console.print(
        f"[bold]{escape(doc.id)}[/]  lang={doc.lang}  published={pub}  "
        f"sentences={len(doc.sentences)}  actor mentions={len(doc.mentions)}  events={len(doc.events)}"
    )
    if not doc.events:
        console.print("  no events coded")
    for n, ev in enumerate(doc.events, 1):
        d = explain_event(doc, ev)
        src = f"{ev.source.code} «{ev.source.text}»" if ev.source else "—"
        tgt = f"{ev.target.code} «{ev.target.text}»" if ev.target else "—"
        console.print()
        console.print(
            f"[bold]{n}. {ev.cameo}[/] {escape(d['label'] or '')} ({ev.plover or '-'})  "
            f"confidence {d['confidence']}  mentions {ev.mentions}"
        )
        console.print(Text("   ").append(_highlight(doc, ev)))
        console.print(f"   source  {escape(src)}   target  {escape(tgt)}   [dim]{', '.join(d['roles'])}[/]")
        trig = ev.trigger or {}
        console.print(f"   trigger «{escape(str(trig.get('text', '')))}»  rule {escape(ev.rule or '-')}")
        mod_cues = ", ".join(f"{c.get('kind')} «{c.get('text')}»" for c in d["modality_cues"]) or "no cue"
        neg = "  negated" if ev.negated else ""
        console.print(f"   modality {ev.modality}{neg}  ({escape(mod_cues)})")
        cue = d["attribution_cue"]
        if cue:
            console.print(
                f"   attribution «{escape(str(cue.get('text')))}» → {escape(str(cue.get('actor')))} "
                f"({cue.get('code')}){' carried' if cue.get('carried') else ''}"
            )
        if ev.quantities:
            qs = ", ".join(f"{q.value:g} {q.unit or ''} ({q.qualifier})" for q in ev.quantities)
            console.print(f"   quantities {escape(qs)}")
        where = ev.location.get("text") if ev.location else "—"
        console.print(
            f"   date {ev.date} ({ev.date_precision}, {ev.date_source})  location {escape(str(where))}"
        )
        if ev.mentions > 1:
            console.print(f"   also stated in sentences {ev.mention_sentences}")
