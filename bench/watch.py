"""Benchmark `casus watch`: articles/s for fetch + extraction + coding + storage, over real local HTTP.

A threaded HTTP server on 127.0.0.1 serves RSS feeds listing N generated news pages (generated here, at bench
time, in five languages). One watcher cycle fetches, extracts, codes and stores them all into a fresh DuckDB;
a second cycle (conditional GET: every feed answers 304) measures the cost of a restart with nothing new.

    .venv/bin/python bench/watch.py [--articles 1000] [--feeds 5] [--workers 8]

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# (language, headline template, body templates); {a} and {b} are country names in that language
TEMPLATES = {
    "it": (
        "{a} e {b} firmano un accordo",
        [
            "Il governo di {a} ha firmato ieri un accordo di cooperazione con {b}.",
            "Il ministro degli Esteri di {a} ha condannato le dichiarazioni del governo di {b}.",
            "{a} ha espulso due diplomatici di {b} accusati di spionaggio.",
            "Le truppe di {a} hanno attaccato postazioni militari di {b} lungo il confine.",
        ],
        ["Italia", "Francia", "Germania", "Russia", "Ucraina", "Cina", "Giappone", "Egitto"],
    ),
    "en": (
        "{a} and {b} hold talks",
        [
            "The government of {a} signed a trade agreement with {b} on Monday.",
            "{a} accused {b} of violating the ceasefire along the border.",
            "The foreign minister of {a} met his counterpart from {b} in Geneva.",
            "{a} imposed new sanctions on {b} after the missile test.",
        ],
        ["Kenya", "Somalia", "India", "Pakistan", "Brazil", "Argentina", "Canada", "Mexico"],
    ),
    "fr": (
        "{a} et {b} renouent le dialogue",
        [
            "Le gouvernement de {a} a rappelé son ambassadeur en poste en {b}.",
            "{a} a condamné les frappes menées par {b} contre des civils.",
            "Le président de {a} a reçu son homologue de {b} à la capitale.",
            "{a} et {b} ont signé un accord de coopération militaire.",
        ],
        ["Mali", "Sénégal", "Algérie", "Maroc", "Tunisie", "Niger", "Tchad", "Cameroun"],
    ),
    "es": (
        "{a} y {b} reanudan el diálogo",
        [
            "El gobierno de {a} firmó un acuerdo de seguridad con {b}.",
            "{a} acusó a {b} de apoyar a grupos armados en la frontera.",
            "El canciller de {a} se reunió con su homólogo de {b} en Bogotá.",
            "{a} expulsó al embajador de {b} tras la crisis diplomática.",
        ],
        ["Colombia", "Venezuela", "Perú", "Chile", "Bolivia", "Ecuador", "Cuba", "Uruguay"],
    ),
    "de": (
        "{a} und {b} verhandeln",
        [
            "Die Regierung von {a} hat ein Abkommen mit {b} unterzeichnet.",
            "{a} verurteilte den Raketentest von {b} scharf.",
            "Der Außenminister von {a} traf seinen Amtskollegen aus {b} in Wien.",
            "{a} verhängte neue Sanktionen gegen {b}.",
        ],
        ["Deutschland", "Österreich", "Polen", "Russland", "Ukraine", "China", "Iran", "Israel"],
    ),
}


def make_articles(n: int, seed: int = 7) -> list[tuple[str, str, bytes]]:
    """(path, lang, html) for n generated articles of 3 to 6 sentences."""
    rnd = random.Random(seed)
    langs = sorted(TEMPLATES)
    out = []
    for i in range(n):
        lang = langs[i % len(langs)]
        title_t, bodies, countries = TEMPLATES[lang]
        a, b = rnd.sample(countries, 2)
        sentences = [rnd.choice(bodies).format(a=a, b=b) for _ in range(rnd.randint(3, 6))]
        paras = "".join(f"<p>{s} (#{i}.{j})</p>" for j, s in enumerate(sentences))
        title = title_t.format(a=a, b=b)
        html = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>{paras}</article>'
            f"<footer>Bench wire {i}</footer></body></html>"
        )
        out.append((f"/news/{lang}/{i}.html", lang, html.encode("utf-8")))
    return out


def make_feeds(base: str, articles: list[tuple[str, str, bytes]], feeds: int) -> dict[str, bytes]:
    out = {}
    for k in range(feeds):
        items = "".join(
            f"<item><title>Article {i}</title><link>{base}{path}</link></item>"
            for i, (path, _lang, _html) in enumerate(articles)
            if i % feeds == k
        )
        out[f"/feeds/{k}.rss"] = (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench {k}</title>'
            f"<link>{base}/</link><description>generated</description>{items}</channel></rss>"
        ).encode()
    return out


class _Server:
    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, str]] = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                body, ctype = pages.get(self.path, (b"not found", "text/plain"))
                status = 200 if self.path in pages else 404
                etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--feeds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=8)
    args = ap.parse_args(argv)

    from casus.options import Options
    from casus.store import Store
    from casus.watch.sources import parse_sources
    from casus.watch.watcher import Watcher

    server = _Server()
    articles = make_articles(args.articles)
    for path, _lang, html in articles:
        server.pages[path] = (html, "text/html; charset=utf-8")
    server.pages["/robots.txt"] = (b"User-agent: *\nDisallow: /private/\n", "text/plain")
    for path, body in make_feeds(server.base, articles, args.feeds).items():
        server.pages[path] = (body, "application/rss+xml")
    sources = parse_sources(
        {
            "allow_hosts": ["127.0.0.1"],
            "workers": args.workers,
            "hosts": {"127.0.0.1": {"rate": 0, "concurrency": args.workers}},
            "feeds": [f"{server.base}/feeds/{k}.rss" for k in range(args.feeds)],
        },
        "bench",
    )
    try:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
            t0 = time.perf_counter()
            watcher = Watcher(sources, store, Options())
            setup = time.perf_counter() - t0
            first = watcher.run_cycle()
            second = watcher.run_cycle()
            watcher.close()
            summary = store.summary()
            stage_seconds = {k: round(v, 2) for k, v in watcher.pipeline.stats.seconds.items()}
    finally:
        server.stop()
    result = {
        "bench": "watch",
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "articles": args.articles,
        "feeds": args.feeds,
        "workers": args.workers,
        "stored": first.stored,
        "duplicates": first.duplicates,
        "errors": first.errors,
        "events": summary["events"],
        "documents_in_db": summary["documents"],
        "setup_seconds": round(setup, 2),
        "cycle_seconds": round(first.seconds, 2),
        "articles_per_s": round(first.stored / first.seconds, 1) if first.seconds else None,
        "pipeline_stage_seconds": stage_seconds,
        "second_cycle": {
            "seconds": round(second.seconds, 3),
            "not_modified": second.not_modified,
            "new": second.new,
        },
    }
    json.dump(result, sys.stdout, ensure_ascii=False)
    print()
    return 0 if first.stored == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
