"""The fetcher over real HTTP on 127.0.0.1: SSRF guard, robots.txt, timeouts, retries, caps, redirects."""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from casus.doc import Doc, Rejected
from casus.ingest.fetch import (
    USER_AGENT,
    Fetcher,
    FetchError,
    FetchOptions,
    HostPolicy,
    _HostGate,
    _pinned,
    check_url,
    fetch_doc,
    fetch_docs,
    is_url,
)
from casus.watch.pages import decode_html, page_to_doc
from fixtures.watch.local_server import Route, standard_server


@pytest.fixture(scope="module")
def server():
    srv = standard_server().start()
    yield srv
    srv.stop()


def fast_options(**kw) -> FetchOptions:
    base = {
        "allow_hosts": frozenset({"127.0.0.1"}),
        "connect_timeout": 0.5,
        "read_timeout": 0.5,
        "total_timeout": 2.0,
        "retries": 1,
        "backoff": 0.01,
        "max_bytes": 1024 * 1024,
        "default_host": HostPolicy(rate=0, concurrency=4),
    }
    base.update(kw)
    return FetchOptions(**base)


@pytest.fixture()
def fetcher():
    with Fetcher(fast_options()) as f:
        yield f


def test_ingest_fetch_refuses_loopback_without_allow_hosts(server):
    url = server.base + "/news/de-1.html"
    before = server.hits["/news/de-1.html"]
    with Fetcher(fast_options(allow_hosts=frozenset())) as f, pytest.raises(FetchError) as err:
        f.fetch(url)
    assert "refused" in err.value.reason and "127.0.0.1" in err.value.reason
    assert server.hits["/news/de-1.html"] == before  # nothing was sent


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.8/",
        "http://192.168.1.1/router",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://224.0.0.251/",
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/",
        "http://240.0.0.1/",
    ],
)
def test_ingest_fetch_refuses_non_public_addresses(url):
    with pytest.raises(FetchError, match="refused: host"):
        check_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/", "//x/y"])
def test_ingest_fetch_refuses_other_schemes(url):
    with pytest.raises(FetchError, match="scheme"):
        check_url(url, frozenset({"127.0.0.1"}))


def test_ingest_fetch_gets_a_page_with_its_user_agent(server, fetcher):
    res = fetcher.fetch(server.base + "/news/en-1.html")
    assert res.status == 200 and b"Mandera" in res.body
    assert res.etag == '"en-1"'
    assert USER_AGENT in server.user_agents


def test_ingest_fetch_refuses_redirect_to_private_address(server, fetcher):
    with pytest.raises(FetchError) as err:
        fetcher.fetch(server.base + "/news/to-private.html")
    assert "10.20.30.40" in err.value.reason and "refused" in err.value.reason


def test_ingest_fetch_follows_a_redirect(server, fetcher):
    res = fetcher.fetch(server.base + "/news/moved.html")
    assert res.final_url == server.base + "/news/fr-1.html"
    assert b"ambassadeur" in res.body


def test_ingest_fetch_stops_redirect_loops(server, fetcher):
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.fetch(server.base + "/news/loop-a.html")


def test_ingest_fetch_slow_server_times_out(server):
    with Fetcher(fast_options(read_timeout=0.3, retries=0)) as f, pytest.raises(FetchError) as err:
        f.fetch(server.base + "/news/slow.html")
    assert "timed out" in err.value.reason and err.value.retryable


def test_ingest_fetch_retries_5xx_but_not_4xx(server, fetcher):
    before = server.hits["/news/error.html"]
    with pytest.raises(FetchError, match="HTTP 500") as err:
        fetcher.fetch(server.base + "/news/error.html")
    assert err.value.retryable
    assert server.hits["/news/error.html"] - before == 2  # one try and one retry
    before = server.hits["/news/missing.html"]
    with pytest.raises(FetchError, match="HTTP 404") as err:
        fetcher.fetch(server.base + "/news/missing.html")
    assert not err.value.retryable
    assert server.hits["/news/missing.html"] - before == 1


def test_ingest_fetch_caps_decoded_size_of_gzip_bomb(server, fetcher):
    with pytest.raises(FetchError, match="too large"):
        fetcher.fetch(server.base + "/news/bomb.html")


def test_ingest_fetch_honours_robots_txt(server, fetcher):
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(server.base + "/private/memo.html")
    assert server.hits["/private/memo.html"] == 0


def test_ingest_fetch_conditional_get_answers_304(server, fetcher):
    first = fetcher.fetch(server.base + "/feeds/world.rss")
    again = fetcher.fetch(server.base + "/feeds/world.rss", etag=first.etag)
    assert again.not_modified and again.body == b""
    assert server.not_modified["/feeds/world.rss"] >= 1


def test_ingest_fetch_doc_uses_env_allow_hosts(server, monkeypatch):
    url = server.base + "/news/it-1.html"
    monkeypatch.delenv("CASUS_ALLOW_HOSTS", raising=False)
    refused = fetch_doc(url)
    assert isinstance(refused, Rejected) and "refused" in refused.reason and refused.input == url
    monkeypatch.setenv("CASUS_ALLOW_HOSTS", "127.0.0.1")
    doc = fetch_doc(url)
    assert isinstance(doc, Doc)
    assert "Mediterraneo" in doc.raw and doc.url == url and doc.source_format == "html"
    assert doc.published is not None and doc.published.isoformat() == "2026-11-18"


def test_ingest_fetch_wrong_charset_falls_back(server, fetcher):
    res = fetcher.fetch(server.base + "/news/pt-latin1.html")
    text, charset = decode_html(res.body, res.content_type)
    assert "cooperação" in text and charset != "utf-8"
    doc = page_to_doc(res.body, res.final_url, res.content_type)
    assert "cerimônia" in doc.raw


def test_ingest_fetch_rejects_non_html(server, fetcher):
    res = fetcher.fetch(server.base + "/news/photo.png")
    with pytest.raises(Exception, match="not an HTML page"):
        page_to_doc(res.body, res.final_url, res.content_type)


def test_ingest_fetch_per_host_concurrency_cap():
    srv = standard_server()
    for i in range(6):
        srv.add(f"/wait/{i}.html", Route(body=b"<html><body>ok</body></html>", delay=0.15))
    srv.start()
    try:
        with Fetcher(fast_options(default_host=HostPolicy(rate=0, concurrency=2))) as f:
            f.allowed_by_robots(srv.base + "/")  # robots.txt first, so it does not count below
            with ThreadPoolExecutor(max_workers=6) as pool:
                results = list(pool.map(f.fetch, [f"{srv.base}/wait/{i}.html" for i in range(6)]))
        assert all(r.status == 200 for r in results)
        assert srv.max_in_flight == 2
    finally:
        srv.stop()


def test_ingest_fetch_rate_limit_spaces_request_starts():
    gate = _HostGate(HostPolicy(rate=50, concurrency=4))
    starts = []
    for _ in range(3):
        with gate:
            starts.append(gate.next_start)
    assert starts[1] - starts[0] == pytest.approx(0.02) and starts[2] - starts[1] == pytest.approx(0.02)


def test_ingest_fetch_docs_share_one_fetcher(server, monkeypatch):
    monkeypatch.setenv("CASUS_ALLOW_HOSTS", "127.0.0.1")
    urls = [server.base + "/news/es-1.html", server.base + "/news/missing.html", "file:///etc/hosts"]
    items = list(fetch_docs(urls))
    assert isinstance(items[0], Doc) and "Cúcuta" in items[0].raw
    assert isinstance(items[1], Rejected) and items[1].reason == "HTTP 404"
    assert isinstance(items[2], Rejected) and "scheme" in items[2].reason
    assert is_url("HTTPS://x.org/a") and not is_url("news/a.html")


def test_ingest_fetch_connects_to_the_checked_address(server, monkeypatch):
    """The name is resolved once, checked, and the connection goes to that address (no second lookup)."""
    import casus.ingest.fetch as fetch_module

    looked_up = []

    def fake_getaddrinfo(host, port, *args, **kw):
        looked_up.append(host)
        if host not in ("wire.test", "127.0.0.1"):
            raise OSError(f"unexpected lookup of {host}")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", fake_getaddrinfo)
    monkeypatch.setattr(fetch_module, "_is_public", lambda addr: True)  # pretend 127.0.0.1 is public
    url = f"http://wire.test:{server.port}/news/de-1.html"
    with Fetcher(fast_options(allow_hosts=frozenset())) as f:
        res = f.fetch(url)
    assert res.status == 200 and "Pjöngjang".encode() in res.body and res.final_url == url
    assert f"wire.test:{server.port}" in server.host_headers
    assert looked_up.count("wire.test") == 2  # casus's own checks (robots.txt, page); the client never


def test_ingest_fetch_robots_crawl_delay_slows_the_host_down():
    srv = standard_server()
    srv.add(
        "/robots.txt",
        Route(body=b"User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n", content_type="text/plain"),
    )
    srv.start()
    try:
        with Fetcher(fast_options()) as f:
            assert f.fetch(srv.base + "/news/en-1.html").status == 200
            assert f._gate(srv.base + "/").interval == pytest.approx(1.0)
    finally:
        srv.stop()


def test_ingest_fetch_pinned_request_keeps_the_name_for_host_and_tls():
    url, headers, ext = _pinned("https://www.bücher.example:8443/a?b=1", "93.184.216.34")
    assert url == "https://93.184.216.34:8443/a?b=1"
    assert headers == {"Host": "www.xn--bcher-kva.example:8443"}
    assert ext == {"sni_hostname": "www.xn--bcher-kva.example"}
    url, headers, _ = _pinned("http://example.org/x", "2606:2800:220:1:248:1893:25c8:1946")
    assert url == "http://[2606:2800:220:1:248:1893:25c8:1946]/x" and headers == {"Host": "example.org"}
    assert _pinned("http://127.0.0.1:8/x", None) == ("http://127.0.0.1:8/x", {}, {})  # allow_hosts: as is
