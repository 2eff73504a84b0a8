"""`casus ingest` reads URLs (fetched with the safe fetcher) and web archives like any other input."""

from __future__ import annotations

import duckdb
import pytest

from casus.cli import main
from casus.doc import Doc, Rejected
from casus.ingest import read_inputs
from fixtures.watch.local_server import standard_server
from test_ingest_warc import build_warc


@pytest.fixture(scope="module")
def server():
    srv = standard_server().start()
    yield srv
    srv.stop()


def test_ingest_urls_and_files_mix_in_one_batch(server, monkeypatch, tmp_path):
    monkeypatch.setenv("CASUS_ALLOW_HOSTS", "127.0.0.1")
    page = tmp_path / "local.txt"
    page.write_text(
        "Vertice a Roma\n\nIl governo italiano ha ospitato i ministri degli Esteri del G7.\n",
        encoding="utf-8",
    )
    items = list(read_inputs([server.base + "/news/it-1.html", str(page), server.base + "/missing.html"]))
    assert [type(i) for i in items] == [Doc, Doc, Rejected]
    assert items[0].url == server.base + "/news/it-1.html" and items[0].source_format == "html"
    assert "404" in items[2].reason and items[2].input.endswith("/missing.html")


def test_ingest_url_on_a_private_address_is_refused_with_one_line(server, monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("CASUS_ALLOW_HOSTS", raising=False)
    db = tmp_path / "u.duckdb"
    assert main(["ingest", server.base + "/news/en-1.html", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "/news/en-1.html" in err
    rows = duckdb.connect(str(db)).execute("SELECT input, reason FROM rejected").fetchall()
    assert len(rows) == 1 and "refused" in rows[0][1]


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_warc_archives_through_read_inputs(tmp_path, gz):
    path = tmp_path / ("cc-news.warc.gz" if gz else "cc-news.warc")
    build_warc(path, gz)
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, Doc)]
    assert docs and all(d.source_format == "warc" for d in docs)
    assert all(d.url and d.url.startswith("http") for d in docs)
