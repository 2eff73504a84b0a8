"""The sources file of `casus watch`: what it accepts and the one-line errors for what it does not."""

from __future__ import annotations

import pytest

from casus.errors import ConfigError
from casus.watch.sources import load_sources, parse_interval

GOOD = """
allow_hosts: [127.0.0.1, intranet.example]
every: 15m
workers: 4
defaults: {rate: 0.5, concurrency: 1, timeout: 5, max_bytes: 2000000, retries: 3}
hosts:
  www.ansa.example: {rate: 2, concurrency: 3}
feeds:
  - url: https://www.ansa.example/mondo/rss.xml
    lang: it
    tag: mondo
  - https://www.lemonde.example/international/rss_full.xml
sitemaps:
  - url: https://www.elpais.example/news-sitemap.xml
    lang: es
"""


def write(tmp_path, text: str):
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_watch_sources_full_file(tmp_path):
    src = load_sources(write(tmp_path, GOOD))
    assert [(s.kind, s.lang, s.tag) for s in src.sources] == [
        ("feed", "it", "mondo"),
        ("feed", None, None),
        ("sitemap", "es", None),
    ]
    fo = src.fetch
    assert fo.allow_hosts == frozenset({"127.0.0.1", "intranet.example"})
    assert (fo.default_host.rate, fo.default_host.concurrency) == (0.5, 1)
    assert (fo.hosts["www.ansa.example"].rate, fo.hosts["www.ansa.example"].concurrency) == (2, 3)
    assert (fo.read_timeout, fo.max_bytes, fo.retries) == (5, 2000000, 3)
    assert src.every == "15m" and src.workers == 4


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty sources file"),
        ("- a\n- b\n", "top level must be a mapping"),
        ("feeds: https://x.example/rss\n", "feeds must be a list"),
        ("feeds:\n  - url: ftp://x.example/rss\n", "feeds[0].url must be an http(s) URL"),
        (
            "feeds:\n  - {url: 'https://x.example/rss', language: it}\n",
            "feeds[0]: unknown key(s) ['language']",
        ),
        ("feedz:\n  - https://x.example/rss\n", "unknown key(s) ['feedz']"),
        ("allow_hosts: []\n", "no sources"),
        ("every: soon\nfeeds: [https://x.example/rss]\n", "every: bad interval"),
        (
            "defaults: {rate: fast}\nfeeds: [https://x.example/rss]\n",
            "defaults.rate must be a non-negative number",
        ),
        ("hosts: {a.example: {speed: 1}}\nfeeds: [https://x.example/rss]\n", "unknown setting(s) ['speed']"),
        ("feeds:\n  - url: https://x.example/rss\n   lang: [it\n", "bad YAML: line"),
    ],
)
def test_watch_sources_one_line_errors(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_sources(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message


def test_watch_sources_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read sources file"):
        load_sources(tmp_path / "nope.yaml")


def test_watch_sources_intervals():
    assert parse_interval("90s") == 90 and parse_interval("10m") == 600 and parse_interval("2h") == 7200
    assert parse_interval(30) == 30 and parse_interval("45") == 45
    for bad in ("0m", "-1h", "ten", True):
        with pytest.raises(ValueError):
            parse_interval(bad)
