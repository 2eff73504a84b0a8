"""The sources file of `casus watch` (YAML; documented in docs/watch.md).

```yaml
allow_hosts: [127.0.0.1]          # optional: hosts exempt from the private-address guard
defaults: {rate: 1, concurrency: 2, timeout: 20}   # optional, per host
hosts: {news.example.org: {rate: 0.5}}              # optional, overrides per host
feeds:
  - url: https://example.org/world/rss.xml
    lang: it                      # optional hint
    tag: world                    # optional
sitemaps:
  - url: https://example.org/news-sitemap.xml
```

Every problem raises ConfigError with one line naming the file and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from casus.errors import ConfigError
from casus.ingest.fetch import FetchOptions, HostPolicy

TOP_KEYS = {
    "allow_hosts",
    "defaults",
    "hosts",
    "feeds",
    "sitemaps",
    "workers",
    "every",
    "max_sitemap_children",
}
SOURCE_KEYS = {"url", "lang", "tag"}
POLICY_KEYS = {
    "rate",
    "concurrency",
    "timeout",
    "connect_timeout",
    "total_timeout",
    "max_bytes",
    "retries",
    "backoff",
    "max_redirects",
}


@dataclass(slots=True)
class Source:
    url: str
    kind: str = "feed"  # feed (RSS/Atom) or sitemap
    lang: str | None = None
    tag: str | None = None


@dataclass(slots=True)
class Sources:
    path: str
    sources: list[Source] = field(default_factory=list)
    fetch: FetchOptions = field(default_factory=FetchOptions)
    workers: int = 8  # article fetches in flight at once, over all hosts
    every: str | None = None  # default polling interval, e.g. "10m"
    max_sitemap_children: int = 50  # child sitemaps followed per sitemap index


def parse_interval(text: str | int | float) -> float:
    """'90s', '10m', '2h', '1d' or a number of seconds -> seconds."""
    if isinstance(text, bool):
        raise ValueError(f"bad interval {text!r}")
    if isinstance(text, int | float):
        seconds = float(text)
    else:
        value = str(text).strip().lower()
        units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
        mult = units.get(value[-1:])
        number = value[:-1] if mult else value
        try:
            seconds = float(number) * (mult or 1)
        except ValueError:
            raise ValueError(f"bad interval {text!r} (use e.g. 90s, 10m, 2h)") from None
    if seconds <= 0:
        raise ValueError(f"bad interval {text!r}: must be positive")
    return seconds


def _fail(path: str, problem: str) -> ConfigError:
    return ConfigError(f"{path}: {problem}")


def _number(path: str, where: str, key: str, value: Any, integer: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _fail(path, f"{where}.{key} must be a non-negative number, got {value!r}")
    if integer and int(value) != value:
        raise _fail(path, f"{where}.{key} must be a whole number, got {value!r}")
    return float(value)


def _policy(path: str, where: str, raw: Any, base: HostPolicy) -> HostPolicy:
    if not isinstance(raw, dict):
        raise _fail(path, f"{where} must be a mapping of settings, got {type(raw).__name__}")
    unknown = set(raw) - POLICY_KEYS
    if unknown:
        raise _fail(path, f"{where}: unknown setting(s) {sorted(unknown)}; known: {sorted(POLICY_KEYS)}")
    pol = HostPolicy(rate=base.rate, concurrency=base.concurrency)
    if "rate" in raw:
        pol.rate = _number(path, where, "rate", raw["rate"])
    if "concurrency" in raw:
        pol.concurrency = max(1, int(_number(path, where, "concurrency", raw["concurrency"], integer=True)))
    return pol


def _apply_defaults(path: str, raw: dict[str, Any], fo: FetchOptions) -> None:
    fo.default_host = _policy(path, "defaults", raw, fo.default_host)
    for key, attr in (
        ("timeout", "read_timeout"),
        ("connect_timeout", "connect_timeout"),
        ("total_timeout", "total_timeout"),
        ("backoff", "backoff"),
    ):
        if key in raw:
            setattr(fo, attr, _number(path, "defaults", key, raw[key]))
    for key in ("max_bytes", "retries", "max_redirects"):
        if key in raw:
            setattr(fo, key, int(_number(path, "defaults", key, raw[key], integer=True)))


def _sources(path: str, raw: Any, kind: str) -> list[Source]:
    key = "feeds" if kind == "feed" else "sitemaps"
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _fail(path, f"{key} must be a list, got {type(raw).__name__}")
    out: list[Source] = []
    for i, item in enumerate(raw):
        where = f"{key}[{i}]"
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict):
            raise _fail(path, f"{where} must be a URL or a mapping with 'url', got {type(item).__name__}")
        unknown = set(item) - SOURCE_KEYS
        if unknown:
            raise _fail(path, f"{where}: unknown key(s) {sorted(unknown)}; known: {sorted(SOURCE_KEYS)}")
        url = item.get("url")
        if (
            not isinstance(url, str)
            or urlsplit(url).scheme not in ("http", "https")
            or not urlsplit(url).hostname
        ):
            raise _fail(path, f"{where}.url must be an http(s) URL, got {url!r}")
        for opt in ("lang", "tag"):
            if item.get(opt) is not None and not isinstance(item[opt], str):
                raise _fail(path, f"{where}.{opt} must be a string, got {item[opt]!r}")
        out.append(Source(url=url, kind=kind, lang=item.get("lang"), tag=item.get("tag")))
    return out


def parse_sources(data: Any, path: str = "<sources>") -> Sources:
    if data is None:
        raise _fail(path, "empty sources file (expected 'feeds:' and/or 'sitemaps:')")
    if not isinstance(data, dict):
        raise _fail(path, f"top level must be a mapping, got {type(data).__name__}")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise _fail(path, f"unknown key(s) {sorted(unknown)}; known: {sorted(TOP_KEYS)}")
    fo = FetchOptions()
    allow = data.get("allow_hosts") or []
    if not isinstance(allow, list) or not all(isinstance(h, str | int) for h in allow):
        raise _fail(path, f"allow_hosts must be a list of host names, got {allow!r}")
    fo.allow_hosts = frozenset(str(h).strip().lower() for h in allow)
    if data.get("defaults") is not None:
        if not isinstance(data["defaults"], dict):
            raise _fail(path, "defaults must be a mapping of settings")
        _apply_defaults(path, data["defaults"], fo)
    hosts = data.get("hosts") or {}
    if not isinstance(hosts, dict):
        raise _fail(path, "hosts must be a mapping of host name to settings")
    fo.hosts = {str(h).lower(): _policy(path, f"hosts.{h}", v, fo.default_host) for h, v in hosts.items()}
    out = Sources(path=path, fetch=fo)
    out.sources = _sources(path, data.get("feeds"), "feed") + _sources(path, data.get("sitemaps"), "sitemap")
    if not out.sources:
        raise _fail(path, "no sources: give at least one entry under 'feeds:' or 'sitemaps:'")
    if "workers" in data:
        out.workers = max(1, int(_number(path, "top level", "workers", data["workers"], integer=True)))
    if "max_sitemap_children" in data:
        out.max_sitemap_children = int(
            _number(path, "top level", "max_sitemap_children", data["max_sitemap_children"], integer=True)
        )
    if data.get("every") is not None:
        try:
            parse_interval(data["every"])
        except ValueError as err:
            raise _fail(path, f"every: {err}") from None
        out.every = str(data["every"])
    return out


def load_sources(path: str | Path) -> Sources:
    """Read and check a sources file; ConfigError names the file and the problem in one line."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise _fail(name, f"cannot read sources file: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise _fail(name, f"not UTF-8 text: {err}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise _fail(name, f"bad YAML: {where}{problem}") from None
    return parse_sources(data, name)
