"""`casus watch SOURCES.yaml --db PATH [--every 10m] [--once]`: watch news feeds and sitemaps."""

from __future__ import annotations

import argparse
import logging
import signal
from pathlib import Path

from casus.errors import ConfigError
from casus.options import Options

DEFAULT_EVERY = "10m"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "watch",
        help="poll RSS/Atom feeds and news sitemaps, code and store each new article",
        description=(
            "Poll the feeds and sitemaps of SOURCES.yaml (see docs/watch.md), fetch each new article once, "
            "extract, code and store it; one log line per cycle. Runs until interrupted (SIGINT/SIGTERM)."
        ),
    )
    p.add_argument("sources", metavar="SOURCES.yaml", help="the sources file")
    p.add_argument(
        "--db", type=Path, default=Path("casus.duckdb"), help="DuckDB database (default casus.duckdb)"
    )
    p.add_argument(
        "--every",
        default=None,
        help=f"time between cycles: 90s, 10m, 2h (default: the file's 'every', else {DEFAULT_EVERY})",
    )
    p.add_argument("--once", action="store_true", help="run one cycle, then exit")
    p.add_argument("--lang", default=None, help="language of every article (overrides hints and detection)")
    p.add_argument(
        "--stories",
        action="store_true",
        help="after each cycle, file new articles into stories, canonical events and claims (stories extra)",
    )
    p.set_defaults(func=run_watch)


def _stories_updater(store):
    try:
        from casus.stories.update import update
    except ImportError as err:
        raise ConfigError(f"--stories needs the stories extra: pip install 'casus[stories]' ({err})") from err

    def after_cycle(_stats) -> None:
        done = update(store.con)
        logging.getLogger("casus.watch").info(
            "stories: %d new articles filed (%d copies, %d new stories), %d canonical events updated",
            done.documents,
            done.copies,
            done.new_stories,
            done.canonical_touched,
        )

    return after_cycle


def run_watch(args: argparse.Namespace) -> int:
    from casus.store import Store
    from casus.watch.sources import load_sources, parse_interval
    from casus.watch.watcher import Watcher

    sources = load_sources(args.sources)
    every_text = args.every or sources.every or DEFAULT_EVERY
    try:
        every = parse_interval(every_text)
    except ValueError as err:
        raise ConfigError(f"--every: {err}") from None
    logging.getLogger("casus.watch").setLevel(logging.INFO)  # the one line per cycle is always shown
    opts = Options(db=args.db, lang=args.lang)
    with Store(args.db) as store:
        watcher = Watcher(sources, store, opts)
        if args.stories:
            watcher.after_cycle = _stories_updater(store)

        def _stop(signum: int, _frame: object) -> None:
            name = signal.Signals(signum).name
            logging.getLogger("casus.watch").info("%s received: stopping after the current article", name)
            watcher.stop.set()

        previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            watcher.run(every, once=args.once)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            watcher.close()
    return 0
