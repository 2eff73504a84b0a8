"""API latency with a large store: creates N events (default 1,000,000) in a fresh DuckDB file, serves it with
uvicorn on loopback in a subprocess, and measures /events latency with a bounded load generator.

    .venv/bin/python bench/api.py [--events 1000000] [--requests 400] [--concurrency 4]

Prints JSON: p50/p95/p99 per query shape, requests/s, events stored, build time.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from casus.store import Store

ACTORS = [
    "RUS",
    "UKR",
    "PRK",
    "KOR",
    "USA",
    "CHN",
    "ISR",
    "PSE",
    "IRN",
    "IGOWSTNAT",
    "FRA",
    "DEU",
    "TUR",
    "SYR",
]


def build(path: Path, n: int) -> float:
    t0 = time.perf_counter()
    Store(path).close()  # the schema
    import duckdb

    con = duckdb.connect(str(path))
    actors = "[" + ", ".join(f"'{a}'" for a in ACTORS) + "]"
    con.execute(f"""
        INSERT INTO documents (doc_id, content_hash, url, title, published, lang, text)
        SELECT 'doc-' || i, md5('doc-' || i), 'https://news.example.org/' || i, 'Title ' || i,
               DATE '2020-01-01' + (i % 1800)::INTEGER, ['it','en','fr','es','de'][1 + i % 5], 'text ' || i
        FROM range({n // 4}) t(i)
    """)
    con.execute(f"""
        INSERT INTO events (event_id, doc_id, lang, sentence, evidence_text, evidence_start, evidence_end,
            source_code, target_code, cameo, cameo_root, plover, goldstein, quad_class, event_date,
            date_precision, date_source, modality, negated, confidence, coder, mentions, record)
        SELECT md5('ev-' || i), 'doc-' || (i // 4), ['it','en','fr','es','de'][1 + (i // 4) % 5], i % 4,
               'evidence sentence ' || i, 0, 20,
               {actors}[1 + (i * 7) % {len(ACTORS)}], {actors}[1 + (i * 11 + 3) % {len(ACTORS)}],
               ['010','036','042','057','072','112','138','141','173','190','195'][1 + i % 11],
               ['01','03','04','05','07','11','13','14','17','19','19'][1 + i % 11],
               ['STATEMENT','CONSULT','AGREE','AID','ACCUSE','THREATEN','PROTEST','COERCE','ASSAULT'][1 + i % 9],
               -10 + (i % 20), 1 + i % 4, DATE '2020-01-01' + ((i // 4) % 1800)::INTEGER, 'day', 'text',
               ['asserted','reported','hypothetical','intended','unconfirmed','denied'][1 + i % 6],
               false, 0.3 + (i % 7) / 10.0, 'bench', 1, '{{}}'
        FROM range({n}) t(i)
    """)
    con.close()
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=400, help="requests per query shape")
    ap.add_argument("--concurrency", type=int, default=4)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        build_s = build(db, args.events)
        port = free_port()
        env = dict(os.environ)
        server = subprocess.Popen(
            [sys.executable, "-m", "casus.cli", "serve", "--db", str(db), "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(base + "/summary", timeout=5)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the API server did not start") from None
                    time.sleep(0.2)
            shapes = {
                "latest": {},
                "actor": {"actor": "RUS"},
                "pair_range": {"pair": "RUS,PRK", "since": "2022-01-01", "until": "2023-12-31"},
                "type_modality": {"cameo": "19", "modality": "asserted", "min_confidence": 0.5},
                "lang_page5": {"lang": "it", "offset": 200},
            }
            results = {}
            with httpx.Client(timeout=30) as client:
                for name, params in shapes.items():

                    def hit(_: int, params=params) -> float:
                        t = time.perf_counter()
                        r = client.get(base + "/events", params=params)
                        r.raise_for_status()
                        return (time.perf_counter() - t) * 1000

                    for i in range(5):
                        hit(i)  # warm-up
                    t0 = time.perf_counter()
                    with ThreadPoolExecutor(args.concurrency) as pool:
                        lat = sorted(pool.map(hit, range(args.requests)))
                    wall = time.perf_counter() - t0
                    q = statistics.quantiles(lat, n=100)
                    results[name] = {
                        "p50_ms": round(q[49], 1),
                        "p95_ms": round(q[94], 1),
                        "p99_ms": round(q[98], 1),
                        "requests_per_s": round(len(lat) / wall, 1),
                    }
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(
        json.dumps(
            {
                "events": args.events,
                "build_s": round(build_s, 1),
                "concurrency": args.concurrency,
                "requests_per_shape": args.requests,
                "cores": os.cpu_count(),
                "events_endpoint": results,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
