"""The HTTP fetcher: a good citizen, and safe.

Every request goes through `Fetcher.fetch`, which

- refuses non-http(s) schemes and hosts that resolve to private, loopback, link-local, multicast, reserved or
  unspecified addresses (SSRF), unless the host is in `allow_hosts`; the check runs after DNS resolution and
  again on every redirect, which is followed by hand (`max_redirects` hops at most);
- honours robots.txt (fetched once per host with the same fetcher, parsed with `urllib.robotparser`);
- keeps a per-host rate limit (minimum interval between requests) and a per-host concurrency cap;
- sends a descriptive User-Agent, uses connect/read timeouts and a total deadline per request;
- streams the body and aborts beyond `max_bytes` of *decoded* content (so a gzip bomb stops early);
- retries 5xx answers and timeouts with exponential backoff, never 4xx;
- sends If-None-Match / If-Modified-Since when given the validators of an earlier answer (conditional GET).

`fetch_doc(url, opts)` fetches one page and turns it into a `Doc` (or a `Rejected` naming the URL and reason).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from casus.doc import Doc, Rejected
from casus.errors import InputError
from casus.options import Options

log = logging.getLogger(__name__)

USER_AGENT = "casus/0.1 (+https://github.com/casus-events/casus)"
ROBOTS_AGENT = "casus"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
MAX_CRAWL_DELAY = 60.0  # seconds: a larger Crawl-delay is capped (one article a minute per host)
ALLOW_HOSTS_ENV = "CASUS_ALLOW_HOSTS"  # comma-separated hosts exempt from the private-address guard


class FetchError(InputError):
    """A URL that could not be fetched. `retryable` says whether a later attempt may succeed."""

    def __init__(self, url: str, reason: str, retryable: bool = False, status: int | None = None):
        super().__init__(url, reason)
        self.retryable = retryable
        self.status = status


@dataclass(slots=True)
class HostPolicy:
    """How hard casus may hit one host: `rate` requests per second at most, `concurrency` at once."""

    rate: float = 1.0
    concurrency: int = 2


@dataclass(slots=True)
class FetchOptions:
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # a slow-drip server cannot hold a request longer than this
    max_bytes: int = 10 * 1024 * 1024  # decoded body size cap
    max_redirects: int = 5
    retries: int = 2  # extra attempts after a 5xx or a timeout
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    allow_hosts: frozenset[str] = frozenset()
    respect_robots: bool = True
    robots_ttl: float = 3600.0
    default_host: HostPolicy = field(default_factory=HostPolicy)
    hosts: dict[str, HostPolicy] = field(default_factory=dict)

    @classmethod
    def from_options(cls, opts: Options | None = None) -> FetchOptions:
        """Defaults for single-page fetches (`casus ingest URL`); allow_hosts from $CASUS_ALLOW_HOSTS."""
        env = os.environ.get(ALLOW_HOSTS_ENV, "")
        allow = frozenset(h.strip().lower() for h in env.split(",") if h.strip())
        fo = cls(allow_hosts=allow)
        if opts is not None:
            fo.max_bytes = min(fo.max_bytes, opts.max_bytes)
        return fo


@dataclass(slots=True)
class FetchResult:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""
    not_modified: bool = False

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


def _is_public(addr: str) -> bool:
    ip = ipaddress.ip_address(addr.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def check_url(url: str, allow_hosts: frozenset[str] = frozenset()) -> str | None:
    """Raise FetchError unless `url` is http(s) and its host resolves only to public addresses.

    Returns the checked address to connect to (None for a host in `allow_hosts`: exact host names or IP
    literals, lower case, exempt from the address check).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"refused: scheme {parts.scheme or '(none)'!r} is not http or https")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchError(url, "refused: no host in URL")
    if host in allow_hosts:
        return None
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as err:
        raise FetchError(url, f"refused: bad port ({err})") from err
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(url, f"cannot resolve host {host!r}: {err}", retryable=True) from err
    for info in infos:
        addr = str(info[4][0])
        if not _is_public(addr):
            raise FetchError(
                url,
                f"refused: host {host!r} resolves to non-public address {addr} "
                "(private, loopback, link-local, multicast or reserved); add it to allow_hosts to permit",
            )
    if not infos:
        raise FetchError(url, f"cannot resolve host {host!r}: no address", retryable=True)
    return str(infos[0][4][0])


def _pinned(url: str, addr: str | None) -> tuple[str, dict[str, str], dict[str, str]]:
    """(URL to request, extra headers, request extensions) so the connection goes to the checked address.

    The host name is replaced by the address; Host carries the name and TLS uses it for SNI and certificate
    checks, so a second DNS answer (DNS rebinding) cannot redirect the request.
    """
    if addr is None:
        return url, {}, {}
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")  # an internationalised name, as DNS and TLS know it
    except UnicodeError as err:
        raise FetchError(url, f"bad host name: {err}") from err
    ip_host = f"[{addr.split('%', 1)[0]}]" if ":" in addr else addr
    netloc = ip_host + (f":{parts.port}" if parts.port else "")
    host_header = host if ":" not in host else f"[{host}]"
    if parts.port:
        host_header += f":{parts.port}"
    target = parts._replace(netloc=netloc).geturl()
    return target, {"Host": host_header}, {"sni_hostname": host}


class _HostGate:
    """Per-host concurrency cap and minimum interval between request starts."""

    def __init__(self, policy: HostPolicy):
        self.sem = threading.BoundedSemaphore(max(1, policy.concurrency))
        self.interval = 1.0 / policy.rate if policy.rate > 0 else 0.0
        self.lock = threading.Lock()
        self.next_start = 0.0

    def __enter__(self) -> _HostGate:
        self.sem.acquire()
        if self.interval:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + self.interval
            if start > now:
                time.sleep(start - now)
        return self

    def __exit__(self, *exc: object) -> None:
        self.sem.release()


class Fetcher:
    """A thread-safe HTTP client with the guards described in the module docstring. Close it when done."""

    def __init__(self, opts: FetchOptions | None = None):
        self.opts = opts or FetchOptions()
        self.allow = frozenset(h.lower() for h in self.opts.allow_hosts)
        self._timeout = httpx.Timeout(
            connect=self.opts.connect_timeout,
            read=self.opts.read_timeout,
            write=self.opts.read_timeout,
            pool=self.opts.total_timeout,
        )
        # One connection pool per host name: connections go to checked IP addresses, and a pooled TLS
        # connection opened for one name (SNI) must never carry a request for another name on the same IP.
        self._clients: dict[str, httpx.Client] = {}
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}
        self._lock = threading.Lock()
        self.requests = 0  # HTTP requests sent, retries and robots.txt included

    def _client(self, host: str) -> httpx.Client:
        with self._lock:
            client = self._clients.get(host)
            if client is None:
                policy = self.opts.hosts.get(host, self.opts.default_host)
                keep = max(1, policy.concurrency)
                client = httpx.Client(
                    timeout=self._timeout,
                    follow_redirects=False,
                    trust_env=False,  # no proxies or netrc from the environment
                    headers={"User-Agent": self.opts.user_agent, "Accept-Encoding": "gzip, deflate"},
                    limits=httpx.Limits(max_connections=keep, max_keepalive_connections=keep),
                )
                self._clients[host] = client
        return client

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public -------------------------------------------------------------------------------------------

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url` following redirects by hand; raises FetchError naming the URL and the reason."""
        current = url
        for _hop in range(self.opts.max_redirects + 1):
            addr = check_url(current, self.allow)
            if self.opts.respect_robots and not self.allowed_by_robots(current):
                raise FetchError(current, "refused: disallowed by robots.txt")
            conditional = (etag, last_modified) if current == url else (None, None)
            res = self._get_with_retries(current, *conditional, addr=addr)
            if res.status in REDIRECT_CODES:
                location = res.headers.get("location")
                if not location:
                    raise FetchError(current, f"HTTP {res.status} redirect without a Location header")
                current = urljoin(current, location.strip())
                continue
            res.url = url
            res.final_url = current
            if res.status == 304:
                res.not_modified = True
                return res
            if 400 <= res.status < 500:
                raise FetchError(current, f"HTTP {res.status}", status=res.status)
            if res.status >= 500:
                raise FetchError(
                    current, f"HTTP {res.status} after retries", retryable=True, status=res.status
                )
            if res.status != 200:
                raise FetchError(current, f"unexpected HTTP {res.status}", status=res.status)
            return res
        raise FetchError(url, f"too many redirects (more than {self.opts.max_redirects})")

    def allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            cached = self._robots.get(key)
        if cached is None or time.monotonic() - cached[0] > self.opts.robots_ttl:
            cached = (time.monotonic(), self._load_robots(key))
            with self._lock:
                self._robots[key] = cached
            self._apply_crawl_delay(url, cached[1])
        parser = cached[1]
        return True if parser is None else parser.can_fetch(ROBOTS_AGENT, url)

    # -- internals ----------------------------------------------------------------------------------------

    def _apply_crawl_delay(self, url: str, parser: urllib.robotparser.RobotFileParser | None) -> None:
        """A Crawl-delay or Request-rate in robots.txt slows the host's rate limit down (never speeds it up)."""
        if parser is None:
            return
        delay = parser.crawl_delay(ROBOTS_AGENT)
        rate = parser.request_rate(ROBOTS_AGENT)
        interval = float(delay) if delay else 0.0
        if rate and rate.requests:
            interval = max(interval, rate.seconds / rate.requests)
        if interval > 0:
            gate = self._gate(url)
            with gate.lock:
                gate.interval = max(gate.interval, min(interval, MAX_CRAWL_DELAY))

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """None means 'no rules' (robots.txt absent or unreachable)."""
        robots_url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            for _hop in range(self.opts.max_redirects + 1):  # e.g. http -> https, each hop checked
                res = self._get_with_retries(robots_url, None, None, 0, check_url(robots_url, self.allow))
                location = res.headers.get("location")
                if res.status not in REDIRECT_CODES or not location:
                    break
                robots_url = urljoin(robots_url, location.strip())
        except FetchError as err:
            log.info("robots.txt unavailable for %s (%s): no rules applied", origin, err.reason)
            return None
        if res.status in (401, 403):
            parser.disallow_all = True
            return parser
        if res.status != 200:
            return None
        parser.parse(res.body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _gate(self, url: str) -> _HostGate:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = _HostGate(self.opts.hosts.get(host, self.opts.default_host))
                self._gates[host] = gate
        return gate

    def _get_with_retries(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        retries: int | None = None,
        addr: str | None = None,
    ) -> FetchResult:
        attempts = 1 + (self.opts.retries if retries is None else retries)
        delay = self.opts.backoff
        for attempt in range(1, attempts + 1):
            try:
                res = self._get_once(url, etag, last_modified, addr)
            except FetchError as err:
                if not err.retryable or attempt == attempts:
                    raise
                log.info("%s: %s, retry %d in %.2fs", url, err.reason, attempt, delay)
            else:
                if res.status < 500 or attempt == attempts:
                    return res
                log.info("%s: HTTP %d, retry %d in %.2fs", url, res.status, attempt, delay)
            time.sleep(delay)
            delay *= 2
        raise FetchError(url, "no attempt made")  # unreachable: the loop returns or raises

    def _get_once(
        self, url: str, etag: str | None, last_modified: str | None, addr: str | None
    ) -> FetchResult:
        target, headers, extensions = _pinned(url, addr)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        cap = self.opts.max_bytes
        deadline = time.monotonic() + self.opts.total_timeout
        with self._gate(url):
            self.requests += 1
            try:
                client = self._client((urlsplit(url).hostname or "").lower())
                with client.stream("GET", target, headers=headers, extensions=extensions) as resp:
                    hdrs = {k.lower(): v for k, v in resp.headers.items()}
                    res = FetchResult(url=url, final_url=url, status=resp.status_code, headers=hdrs)
                    if resp.status_code != 200:
                        return res
                    declared = hdrs.get("content-length", "")
                    if declared.isdigit() and int(declared) > cap:
                        raise FetchError(url, f"response too large: {declared} bytes declared, cap {cap}")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_bytes():  # decoded: gzip/deflate bombs stop at the cap
                        size += len(chunk)
                        if size > cap:
                            raise FetchError(url, f"response too large: over {cap} bytes (decoded)")
                        if time.monotonic() > deadline:
                            raise FetchError(
                                url, f"timed out: body not complete in {self.opts.total_timeout}s", True
                            )
                        chunks.append(chunk)
                    res.body = b"".join(chunks)
                    return res
            except httpx.TimeoutException as err:
                raise FetchError(url, f"timed out ({type(err).__name__})", retryable=True) from err
            except httpx.DecodingError as err:
                raise FetchError(url, f"bad content encoding: {err}") from err
            except httpx.TransportError as err:
                raise FetchError(
                    url, f"connection failed: {type(err).__name__}: {err}", retryable=True
                ) from err


def fetch_doc(url: str, opts: Options | None = None, fetcher: Fetcher | None = None) -> Doc | Rejected:
    """Fetch one page and extract it into a Doc; a refusal or failure becomes a Rejected naming the URL.

    Without a `fetcher`, one is built from `FetchOptions.from_options(opts)` (allow_hosts from
    $CASUS_ALLOW_HOSTS) and closed afterwards.
    """
    from casus.watch.pages import page_to_doc

    own = fetcher is None
    fetcher = fetcher or Fetcher(FetchOptions.from_options(opts))
    try:
        res = fetcher.fetch(url)
        lang = opts.lang if opts else None
        return page_to_doc(res.body, res.final_url, res.content_type, lang, opts=opts)
    except InputError as err:
        return Rejected(input=url, reason=err.reason, stage="fetch")
    finally:
        if own:
            fetcher.close()


def is_url(name: str) -> bool:
    """True for an http(s) URL given where a file name could stand (`casus ingest URL`)."""
    return name.lower().startswith(("http://", "https://"))


def fetch_docs(urls: list[str], opts: Options | None = None) -> Iterator[Doc | Rejected]:
    """`fetch_doc` for many URLs with one fetcher (robots.txt cache, per-host limits and connections shared)."""
    with Fetcher(FetchOptions.from_options(opts)) as fetcher:
        for url in urls:
            yield fetch_doc(url, opts, fetcher)
