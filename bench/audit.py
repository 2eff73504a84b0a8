"""Precision without gold: a fixed-seed sample of the events casus codes in unlabelled news, printed for a
person to judge.

    .venv/bin/python bench/audit.py it [-n 60] [--seed 1] [--shared ../shared] [--corpus wikinews] [--docs N]
    .venv/bin/python bench/audit.py it --json      # one JSON object per sampled event

Runs the full pipeline over the documents of ../shared/corpus/<corpus>/articles.jsonl in the given language,
samples N of all the events coded there (random.Random(seed), so the same seed gives the same sample on the
same code), and prints each with its sentence, code, source, target, modality and the rule that fired. The
judge marks each one: right code and actors / right code, wrong actor / false event (docs/audit.md has the
method). Reads ../shared at run time and writes nothing; a different seed gives a fresh sample.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from casus.doc import Doc, Event, Mention
from casus.ingest.jsonl import doc_from_record
from casus.options import Options
from casus.pipeline import Pipeline

HERE = Path(__file__).resolve().parent


def corpus_docs(shared: Path, corpus: str, lang: str, opts: Options, limit: int | None = None) -> list[Doc]:
    path = shared / "corpus" / corpus / "articles.jsonl"
    if not path.is_file():
        raise SystemExit(f"audit: {path} not found (pass --shared)")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            record = json.loads(line)
            if record.get("lang") == lang and record.get("text"):
                docs.append(doc_from_record(record, f"{path.name}:{lineno}", opts))
                if limit is not None and len(docs) >= limit:
                    break
    return docs


def actor(m: Mention | None) -> str:
    return f"{m.code} «{m.text}»" if m is not None else "—"


def row(doc: Doc, ev: Event) -> dict:
    sent = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
    return {
        "doc": doc.id,
        "sentence": doc.text[sent.start : sent.end] if sent else ev.evidence_text,
        "cameo": ev.cameo,
        "source": actor(ev.source),
        "target": actor(ev.target),
        "modality": ev.modality + (" (negated)" if ev.negated else ""),
        "trigger": (ev.trigger or {}).get("text"),
        "rule": ev.rule,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lang", help="language code of the documents to audit (it, en, fr, de)")
    ap.add_argument("-n", type=int, default=60, help="events to sample (default 60)")
    ap.add_argument("--seed", type=int, default=1, help="sampling seed (default 1)")
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--corpus", default="wikinews", help="folder under corpus/ (default wikinews)")
    ap.add_argument("--docs", type=int, default=None, help="read only the first N documents of the language")
    ap.add_argument("--json", action="store_true", help="one JSON object per event instead of text")
    args = ap.parse_args(argv)

    opts = Options()
    pipeline = Pipeline(opts)
    events: list[tuple[Doc, Event]] = []
    docs = corpus_docs(args.shared, args.corpus, args.lang, opts, args.docs)
    for doc in docs:
        doc = pipeline.run(doc)
        if (doc.lang or "")[:2] == args.lang:
            events.extend((doc, ev) for ev in doc.events)
    rng = random.Random(args.seed)
    sample = rng.sample(events, min(args.n, len(events)))
    sample.sort(key=lambda de: (de[0].id, de[1].sentence))
    rows = [row(doc, ev) for doc, ev in sample]
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        for i, r in enumerate(rows, 1):
            print(f"[{i}] {r['doc']}  {r['cameo']}  rule {r['rule']}  trigger «{r['trigger']}»")
            print(f"    {r['sentence'].strip()}")
            print(f"    source {r['source']}   target {r['target']}   modality {r['modality']}")
            print("    judge: ok / actor / false")
    by_rule = Counter(r["rule"] for r in rows)
    print(
        json.dumps(
            {
                "lang": args.lang,
                "corpus": args.corpus,
                "documents": len(docs),
                "events": len(events),
                "sampled": len(rows),
                "seed": args.seed,
                "sampled_by_rule": dict(by_rule.most_common()),
            }
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
