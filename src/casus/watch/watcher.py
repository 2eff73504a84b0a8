"""The watcher: poll every source, fetch each new article once, code it and store it; one log line per cycle.

A cycle: (1) fetch every feed and sitemap with its ETag / Last-Modified (a 304 costs nothing), (2) parse it
into article links, (3) keep the links never seen before (see `casus.watch.state`), (4) fetch and extract
them in a thread pool (the fetcher caps concurrency and rate per host), (5) run the pipeline and store each
document in the calling thread (DuckDB is written from one thread), (6) remember every outcome.

A bad source or article is one warning line and one row in the `rejected` table; the cycle goes on.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date

from casus.doc import Doc, Rejected
from casus.errors import InputError
from casus.ingest.feeds import FeedEntry, parse_listing
from casus.ingest.fetch import Fetcher, FetchError, FetchResult
from casus.options import Options
from casus.pipeline import STAGES, Pipeline, PipelineStats
from casus.watch.pages import page_to_doc
from casus.watch.sources import Source, Sources
from casus.watch.state import SeenState

log = logging.getLogger(__name__)

STORE_BATCH = 50  # coded documents stored per transaction


@dataclass
class CycleStats:
    cycle: int = 0
    sources: int = 0
    not_modified: int = 0
    listed: int = 0
    new: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0
    rejected: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"cycle {self.cycle}: {self.sources} sources polled ({self.not_modified} not modified), "
            f"{self.new} new articles, {self.stored} stored, {self.duplicates} duplicates, "
            f"{self.events} events, {self.errors} errors in {self.seconds:.1f}s"
        )


@dataclass(slots=True)
class _Job:
    entry: FeedEntry
    source: Source


def _raw_as_text(doc: Doc) -> Doc:
    doc.text = doc.text or doc.raw
    return doc


def build_pipeline(opts: Options) -> Pipeline:
    """The full pipeline; while a stage module is not written yet, the stages that exist (logged once)."""
    try:
        return Pipeline(opts)
    except ModuleNotFoundError as err:
        log.warning("pipeline incomplete (%s): running the stages that exist", err)
    pipe = Pipeline.__new__(Pipeline)
    pipe.opts = opts
    pipe.stats = PipelineStats()
    pipe.stages = []
    for name, module in STAGES:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as err:
            if err.name != module:
                raise
            if name == "clean":
                pipe.stages.append((name, _raw_as_text))
            continue
        pipe.stages.append((name, mod.make_stage(opts)))
    return pipe


class Watcher:
    """Poll `sources` into `store` (a casus.store.Store). Call `run_cycle()` or `run(every, stop)`."""

    def __init__(self, sources: Sources, store, opts: Options | None = None, fetcher: Fetcher | None = None):
        self.sources = sources
        self.store = store
        self.opts = opts or Options()
        self.fetcher = fetcher or Fetcher(sources.fetch)
        self._own_fetcher = fetcher is None
        self.state = SeenState(store.con)
        self.after_cycle: Callable[[CycleStats], None] | None = None
        self.pipeline = build_pipeline(self.opts)
        self.cycles = 0
        self.last: CycleStats | None = None  # the last finished cycle
        self._validators: list[tuple[str, str, int, str | None, str | None]] = []
        self._to_store: list[tuple[_Job, FetchResult, Doc]] = []
        self.stop = threading.Event()

    def close(self) -> None:
        if self._own_fetcher:
            self.fetcher.close()

    # -- one cycle ----------------------------------------------------------------------------------------

    def run_cycle(self) -> CycleStats:
        self.cycles += 1
        stats = CycleStats(cycle=self.cycles)
        t0 = time.perf_counter()
        jobs: dict[str, _Job] = {}
        for source in self.sources.sources:
            if self.stop.is_set():
                break
            for entry in self._poll(source, stats):
                jobs.setdefault(entry.url, _Job(entry, source))
        by_url = {s.url: s for s in self.sources.sources}
        for url, source_url in self.state.retry_due():  # transient failures, listed or not (feed may be 304)
            if source_url in by_url:
                jobs.setdefault(url, _Job(FeedEntry(url=url), by_url[source_url]))
        fresh = self.state.unseen(list(jobs))
        stats.new = len(fresh)
        for job, outcome in self._fetch_all([jobs[u] for u in fresh]):
            self._handle(job, outcome, stats)
        self._store_batch(stats)
        self.state.flush()  # every outcome is written before the feeds' validators are
        status = "interrupted" if self.stop.is_set() else "ok"  # 'interrupted' keeps the old validators
        for url, kind, n, etag, last_modified in self._validators:
            self.state.save_feed(url, kind, status, n, etag, last_modified)
        self._validators.clear()
        if self.after_cycle is not None and stats.stored:
            self.after_cycle(stats)  # e.g. file the new articles into stories and canonical events
        stats.seconds = time.perf_counter() - t0
        log.info("%s %s", time.strftime("%Y-%m-%dT%H:%M:%S"), stats.line())
        self.last = stats
        return stats

    def run(self, every: float, once: bool = False) -> int:
        """Cycle until `stop` is set (or once); waits `every` seconds between cycle starts. Returns cycles run."""
        done = 0
        while not self.stop.is_set():
            started = time.monotonic()
            self.run_cycle()
            done += 1
            if once:
                break
            self.stop.wait(max(0.0, every - (time.monotonic() - started)))
        return done

    # -- sources ------------------------------------------------------------------------------------------

    def _poll(self, source: Source, stats: CycleStats) -> list[FeedEntry]:
        stats.sources += 1
        entries: list[FeedEntry] = []
        pending = [source.url]
        children = 0
        while pending:
            url = pending.pop(0)
            listing = self._poll_one(url, source.kind, stats)
            if listing is None:
                continue
            entries.extend(listing.entries)
            for child in listing.sitemaps:
                if children < self.sources.max_sitemap_children:
                    pending.append(child)
                    children += 1
        stats.listed += len(entries)
        return entries

    def _poll_one(self, url: str, kind: str, stats: CycleStats):
        val = self.state.feed_validators(url)
        try:
            res = self.fetcher.fetch(url, etag=val.etag, last_modified=val.last_modified)
            if res.not_modified:
                stats.not_modified += 1
                self.state.save_feed(url, kind, "not-modified")
                return None
            listing = parse_listing(res.body, url, kind)
        except Exception as err:  # an InputError, or a parser failure no one foresaw: one line, go on
            reason = err.reason if isinstance(err, InputError) else f"{type(err).__name__}: {err}"
            self._reject(Rejected(input=url, reason=reason, stage=f"watch-{kind}"), stats)
            self.state.save_feed(url, kind, "error")
            return None
        # the validators are saved once the cycle has handled every article (see run_cycle): a run stopped
        # or killed half-way must not leave a 304 hiding the articles it never fetched
        self._validators.append((url, kind, len(listing.entries), res.etag, res.last_modified))
        return listing

    # -- articles -----------------------------------------------------------------------------------------

    def _fetch_article(self, job: _Job) -> tuple[FetchResult, Doc]:
        res = self.fetcher.fetch(job.entry.url)
        lang = self.opts.lang or job.source.lang or job.entry.lang
        doc = page_to_doc(res.body, res.final_url, res.content_type, lang, opts=self.opts)
        return res, doc

    def _fetch_all(self, jobs: list[_Job]) -> Iterator[tuple[_Job, tuple[FetchResult, Doc] | InputError]]:
        if not jobs:
            return
        workers = max(1, min(self.sources.workers, len(jobs)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="casus-fetch") as pool:
            queue = iter(jobs)
            running: dict[Future, _Job] = {}
            for job in queue:  # keep at most 2 x workers in flight so a stop does not wait on 1,000 fetches
                running[pool.submit(self._fetch_article, job)] = job
                if len(running) >= 2 * workers:
                    break
            while running and not self.stop.is_set():
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in finished:
                    if self.stop.is_set():  # stop now: fetched but unhandled articles stay unseen (not lost)
                        break
                    job = running.pop(fut)
                    err = fut.exception()
                    if isinstance(err, InputError):
                        yield job, err
                    elif err is not None:
                        yield job, InputError(job.entry.url, f"{type(err).__name__}: {err}")
                    else:
                        yield job, fut.result()
                    nxt = next(queue, None)
                    if nxt is not None:
                        running[pool.submit(self._fetch_article, nxt)] = nxt
            for fut in running:  # after a stop: drop what has not started; what has runs out its timeouts
                fut.cancel()

    def _handle(self, job: _Job, outcome, stats: CycleStats) -> None:
        url = job.entry.url
        if isinstance(outcome, InputError):
            transient = isinstance(outcome, FetchError) and outcome.retryable
            self._reject(Rejected(input=url, reason=outcome.reason, stage="watch-article"), stats)
            self.state.mark(
                url, "failed" if transient else "rejected", reason=outcome.reason, source=job.source.url
            )
            return
        res, doc = outcome
        doc.meta["feed"] = job.source.url
        if job.source.tag:
            doc.meta["tag"] = job.source.tag
        if doc.published is None and job.entry.published:
            with contextlib.suppress(ValueError):
                doc.published = date.fromisoformat(job.entry.published[:10])
        if doc.title is None:
            doc.title = job.entry.title
        try:
            doc = self.pipeline.run(doc)
        except InputError as err:
            self._reject(Rejected(input=url, reason=err.reason, stage="pipeline"), stats)
            self.state.mark(url, "rejected", reason=err.reason, source=job.source.url)
            return
        self._to_store.append((job, res, doc))
        if len(self._to_store) >= STORE_BATCH:
            self._store_batch(stats)

    def _store_batch(self, stats: CycleStats) -> None:
        """Store the coded documents in one transaction (the store's add_many), then remember each outcome.

        The outcomes are remembered only after the documents are stored: a run killed in between fetches
        them again and the store's content-hash check keeps them from being stored twice.
        """
        if not self._to_store:
            return
        batch, self._to_store = self._to_store, []
        added = self.store.add_many([doc for _, _, doc in batch], batch_size=len(batch))
        stored_ids = set(added.added_ids)
        failed = {rej.input: rej.reason for rej in added.failed}
        for job, res, doc in batch:
            url = job.entry.url
            reason = failed.get(doc.origin or doc.id)
            if reason is not None:  # the store recorded it as a rejected input already
                stats.errors += 1
                log.warning("%s: %s", url, reason)
                self.state.mark(url, "rejected", reason=reason, source=job.source.url)
                continue
            common = {
                "doc_id": doc.id,
                "content_hash": doc.content_hash,
                "etag": res.etag,
                "last_modified": res.last_modified,
                "source": job.source.url,
            }
            if doc.id in stored_ids:
                stored_ids.discard(doc.id)  # a second article with this id in the batch is a duplicate
                stats.stored += 1
                stats.events += len(doc.events)
                self.state.mark(url, "stored", **common)
            else:
                stats.duplicates += 1
                self.state.mark(url, "duplicate", **common)

    def _reject(self, rej: Rejected, stats: CycleStats) -> None:
        stats.errors += 1
        stats.rejected.append(str(rej))
        log.warning("%s", rej)
        self.store.add_rejected(rej)
