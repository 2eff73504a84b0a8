"""WARC / WARC.gz reading: response records only, HTML extraction, charset fallback, broken archives."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from casus.doc import Doc, Rejected
from casus.ingest.warc import is_warc, read_warc
from casus.options import Options

PAGE_UTF8 = """<!doctype html><html lang="it"><head><meta charset="utf-8">
<title>Atene e Ankara riaprono il dialogo</title></head><body><article>
<h1>Atene e Ankara riaprono il dialogo</h1>
<p>I ministri degli Esteri di Grecia e Turchia si sono incontrati giovedì ad Atene e hanno deciso di
riprendere i colloqui sulla delimitazione delle zone marittime nell'Egeo.</p>
</article></body></html>"""

PAGE_LATIN1 = """<html lang="fr"><head><title>Dakar et Nouakchott signent un accord de pêche</title></head>
<body><article><h1>Dakar et Nouakchott signent un accord de pêche</h1>
<p>Le Sénégal et la Mauritanie ont signé mercredi à Nouakchott un accord qui réglemente la pêche
artisanale dans leurs eaux côtières, après des mois de négociations difficiles.</p>
</article></body></html>"""


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http))


def build_warc(path: Path, gz: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "casus tests"}))
        req = StatusAndHeaders("GET /it HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/it", "request", payload=BytesIO(b""), http_headers=req
            )
        )
        _response(writer, "https://news.example.org/it", PAGE_UTF8.encode(), "text/html; charset=utf-8")
        _response(writer, "https://news.example.org/fr", PAGE_LATIN1.encode("latin-1"), "text/html")
        _response(writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png")
        _response(writer, "https://news.example.org/gone", b"gone", "text/html", status="404 Not Found")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/it",
                "metadata",
                payload=BytesIO(b"fetchTimeMs: 12"),
                warc_content_type="application/warc-fields",
            )
        )


def test_ingest_warc_reads_response_records(tmp_path):
    for gz in (False, True):
        path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
        build_warc(path, gz)
        assert is_warc(path)
        items = list(read_warc(path, Options()))
        docs = [i for i in items if isinstance(i, Doc)]
        rejected = [i for i in items if isinstance(i, Rejected)]
        assert [d.url for d in docs] == ["https://news.example.org/it", "https://news.example.org/fr"]
        assert "Egeo" in docs[0].raw and docs[0].source_format == "warc"
        assert "pêche artisanale" in docs[1].raw  # Latin-1 bytes without a declared charset
        assert docs[0].origin == f"{path}#0 (https://news.example.org/it)"
        reasons = {r.input.split("(")[-1].rstrip(")"): r.reason for r in rejected}
        assert reasons == {
            "https://news.example.org/logo.png": "not an HTML page (image/png)",
            "https://news.example.org/gone": "HTTP status 404 in archive",
        }


@pytest.mark.parametrize("gz", [True, False])
def test_ingest_warc_truncated_archive_is_one_rejected(tmp_path, gz):
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    build_warc(path, gz)
    data = path.read_bytes()
    for frac in (0.3, 0.5, 0.6, 0.66, 0.8, 0.9, 0.95):  # cut in headers, in bodies, between records
        path.write_bytes(data[: int(len(data) * frac)])
        items = list(read_warc(path))
        cut = [i for i in items if isinstance(i, Rejected) and "corrupt or truncated" in i.reason]
        assert len(cut) == 1 and items[-1] is cut[0], (frac, items)
        assert all("Egeo" in d.raw or "pêche" in d.raw for d in items if isinstance(d, Doc))


def test_ingest_warc_missing_file(tmp_path):
    items = list(read_warc(tmp_path / "nothing.warc.gz"))
    assert len(items) == 1 and isinstance(items[0], Rejected) and "cannot open" in items[0].reason
