"""The DuckDB store: duplicates, transactions, rejected inputs, summary, clear errors."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import duckdb
import pytest

from casus.doc import Debris, Doc, Event, Mention, Paragraph, Rejected, Sentence
from casus.errors import StoreError
from casus.store import Store

TEXT = (
    "La Francia ritira le sue truppe dal Niger\n\n"
    "Gli ultimi soldati francesi hanno lasciato Niamey il 22 dicembre. "
    "La giunta militare aveva chiesto la loro partenza dopo il colpo di Stato di luglio."
)


def make_doc(doc_id: str = "niger.it", text: str = TEXT, with_event: bool = True) -> Doc:
    title_end = text.index("\n")
    body = text.index("Gli ultimi")
    second = text.index("La giunta")
    doc = Doc(
        id=doc_id,
        text=text,
        title=text[:title_end],
        lang="it",
        lang_score=0.98,
        published=date(2023, 12, 23),
        origin=f"{doc_id}.txt",
        paragraphs=[Paragraph(0, title_end, "title"), Paragraph(body, len(text), "body")],
        sentences=[
            Sentence(0, 0, title_end, 0, "title"),
            Sentence(1, body, second - 1, 1),
            Sentence(2, second, len(text), 1),
        ],
        debris=[Debris("Leggi anche: un altro titolo", "related-link", 9)],
    )
    fra = Mention(body + 15, body + 32, "soldati francesi", "FRAMIL", 1, country="FRA", role="MIL")
    ner = Mention(body + 50, body + 56, "Niamey", "NER", 1, kind="capital", country="NER")
    doc.mentions = [fra, ner]
    if with_event:
        doc.events = [
            Event(
                doc_id=doc_id,
                lang="it",
                sentence=1,
                evidence_start=body,
                evidence_end=second - 1,
                evidence_text=text[body : second - 1],
                cameo="0874",
                source=fra,
                target=ner,
                date="2023-12-22",
            )
        ]
    return doc


def counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "sentences", "mentions", "events", "rejected")
        }
    finally:
        con.close()


def test_store_add_stores_document_sentences_mentions_and_events(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        assert store.add(make_doc()) is True
        records = store.events()
    assert counts(db) == {"documents": 1, "sentences": 3, "mentions": 2, "events": 1, "rejected": 0}
    assert records[0]["cameo"] == "0874"
    assert records[0]["evidence"]["text"].startswith("Gli ultimi soldati")


def test_store_same_document_twice_adds_nothing_twice(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        assert store.add(make_doc()) is True
        assert store.add(make_doc()) is False
        # the same text under another id (a copy of the page elsewhere) is a duplicate too
        assert store.add(make_doc("niger-copy.it")) is False
    with Store(db) as store:  # and after reopening
        assert store.add(make_doc()) is False
    assert counts(db)["documents"] == 1
    assert counts(db)["events"] == 1


def test_store_changed_text_under_the_same_id_replaces_it(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.add(make_doc())
        changed = make_doc(text=TEXT + " Parigi ha confermato.", with_event=False)
        assert store.add(changed) is True
        assert store.document_text("niger.it").endswith("confermato.")
    assert counts(db) == {"documents": 1, "sentences": 3, "mentions": 2, "events": 0, "rejected": 0}


def test_store_exception_mid_add_leaves_nothing_partial(tmp_path, monkeypatch):
    db = tmp_path / "c.duckdb"
    store = Store(db)
    real_insert = Store._insert_rows

    def failing_insert(self, name, values):
        if name == "insert_events":
            raise RuntimeError("disk pulled out")
        real_insert(self, name, values)

    monkeypatch.setattr(Store, "_insert_rows", failing_insert)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        store.add(make_doc())
    monkeypatch.setattr(Store, "_insert_rows", real_insert)
    assert store.summary()["documents"] == 0
    assert store.add(make_doc()) is True  # the store is still usable after the rollback
    store.close()
    assert counts(db) == {"documents": 1, "sentences": 3, "mentions": 2, "events": 1, "rejected": 0}


def test_store_database_error_mid_add_is_a_store_error_naming_the_document(tmp_path):
    doc = make_doc()
    doc.sentences.append(Sentence(1, 0, 5, 0))  # a repeated sentence index violates the primary key
    with Store(tmp_path / "c.duckdb") as store:
        with pytest.raises(StoreError, match="cannot store niger.it"):
            store.add(doc)
        assert store.summary()["documents"] == 0
        assert store.summary()["sentences"] == 0


def test_store_repeated_event_id_in_a_document_is_kept_once(tmp_path):
    doc = make_doc()
    doc.events.append(doc.events[0])
    with Store(tmp_path / "c.duckdb") as store:
        assert store.add(doc) is True
        assert store.summary()["events"] == 1


def test_store_rejected_inputs_are_recorded_once_per_input_and_reason(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.add_rejected(Rejected("vuoto.txt", "empty input"))
        store.add_rejected(Rejected("vuoto.txt", "empty input"))
        store.add_rejected(Rejected("feed.jsonl:3", "malformed JSON line", stage="ingest"))
        rows = store.rejected()
    assert len(rows) == 2
    by_input = {r["input"]: r for r in rows}
    assert by_input["vuoto.txt"]["times"] == 2
    assert by_input["feed.jsonl:3"]["reason"] == "malformed JSON line"


def test_store_add_many_counts_added_duplicates_and_rejected(tmp_path):
    items = [
        make_doc(),
        Rejected("rotto.html", "binary input"),
        make_doc(),
        make_doc("other", TEXT + " Fine."),
    ]
    with Store(tmp_path / "c.duckdb") as store:
        stats = store.add_many(items)
    assert (stats.added, stats.duplicates, stats.rejected) == (2, 1, 1)
    assert stats.added_ids == ["niger.it", "other"]


def test_store_add_many_in_batches_matches_one_by_one(tmp_path):
    docs = [make_doc(f"doc-{i}", TEXT + f" Aggiornamento {i}.") for i in range(25)]
    with Store(tmp_path / "batch.duckdb") as store:
        stats = store.add_many(iter(docs + docs[:5]), batch_size=10)
        batched = store.summary()
    with Store(tmp_path / "single.duckdb") as store:
        for doc in docs:
            store.add(doc)
        single = store.summary()
    assert (stats.added, stats.duplicates) == (25, 5)
    assert {k: v for k, v in batched.items() if k != "path"} == {
        k: v for k, v in single.items() if k != "path"
    }


def test_store_add_many_a_document_that_cannot_be_stored_is_rejected_and_the_rest_stored(tmp_path):
    bad = make_doc("bad", TEXT + " Rotto.")
    bad.sentences.append(Sentence(1, 0, 5, 0))  # a repeated sentence index violates the primary key
    docs = [make_doc("a", TEXT + " A."), bad, make_doc("b", TEXT + " B.")]
    with Store(tmp_path / "c.duckdb") as store:
        stats = store.add_many(docs)
        rejected = store.rejected()
        summary = store.summary()
    assert stats.added_ids == ["a", "b"]
    assert [r.stage for r in stats.failed] == ["store"]
    assert rejected[0]["input"] == "bad.txt" and rejected[0]["reason"].startswith("cannot store")
    assert summary["documents"] == 2 and summary["sentences"] == 6


def test_store_add_many_a_malformed_document_is_rejected_not_fatal(tmp_path):
    broken = make_doc("broken", TEXT + " X.")
    broken.events[0].source = "not a mention"  # a stage bug: a string where a Mention belongs
    with Store(tmp_path / "c.duckdb") as store:
        stats = store.add_many([broken, make_doc("fine", TEXT + " Y.")])
    assert stats.added_ids == ["fine"]
    assert "cannot store broken" in stats.failed[0].reason


def test_store_add_many_new_version_within_one_batch_replaces_the_first(tmp_path):
    first = make_doc("page", TEXT)
    second = make_doc("page", TEXT + " Corretto.", with_event=False)
    with Store(tmp_path / "c.duckdb") as store:
        stats = store.add_many([first, second])
        assert store.document_text("page").endswith("Corretto.")
        assert store.summary()["events"] == 0
    assert stats.added == 2


def test_store_summary_counts_everything(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.add(make_doc())
        english = make_doc("troops.en", TEXT.replace("Niger", "Niger!"), with_event=False)
        english.lang = "en"
        store.add(english)
        store.add_rejected(Rejected("x.txt", "empty input"))
        summary = store.summary()
        docs = store.documents()
    assert summary == {
        "path": str(db),
        "documents": 2,
        "languages": {"en": 1, "it": 1},
        "sentences": 6,
        "events": 1,
        "rejected": 1,
    }
    assert {d["doc_id"] for d in docs} == {"niger.it", "troops.en"}
    con = duckdb.connect(str(db), read_only=True)
    debris = json.loads(con.execute("SELECT debris FROM documents WHERE doc_id = 'niger.it'").fetchone()[0])
    con.close()
    assert debris == [{"text": "Leggi anche: un altro titolo", "reason": "related-link", "line": 9}]


def test_store_events_filter_by_document_cameo_and_language(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.add(make_doc())
        assert len(store.events(doc_id="niger.it")) == 1
        assert store.events(doc_id="other") == []
        assert len(store.events(cameo="08")) == 1
        assert store.events(cameo="19") == []
        assert store.events(lang="en") == []


def test_store_month_precision_event_date_is_stored(tmp_path):
    doc = make_doc()
    doc.events[0].date = "2023-07"
    doc.events[0].date_precision = "month"
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.add(doc)
        assert store.events()[0]["date"] == "2023-07"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT event_date FROM events").fetchone()[0] == date(2023, 7, 1)
    con.close()


def test_store_bad_paths_give_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path)
    not_db = tmp_path / "notes.duckdb"
    not_db.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(not_db)
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create its folder"):
        Store(blocker / "sub" / "c.duckdb")
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_file_locked_by_another_process_is_a_clear_error(tmp_path):
    db = tmp_path / "c.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('open', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another process"):
            Store(db)
    finally:
        holder.communicate("", timeout=30)


WRITER = textwrap.dedent(
    """
    import sys
    from casus.doc import Doc, Sentence
    from casus.store import Store

    def docs():
        i = 0
        while True:
            text = " ".join(f"Frase numero {i}-{k} sul vertice." for k in range(1500))
            sentences = [Sentence(k, 0, 10, 0) for k in range(1500)]
            yield Doc(id=f"doc-{i}", text=text, sentences=sentences)
            print(i, flush=True)
            i += 1

    store = Store(sys.argv[1])
    if sys.argv[2] == "add":
        for doc in docs():
            store.add(doc)
    else:
        store.add_many(docs(), batch_size=2)
    """
)


@pytest.mark.parametrize("mode", ["add", "add_many"])
def test_store_killed_writer_leaves_a_consistent_database(tmp_path, mode):
    db = tmp_path / "c.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), mode], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(7):  # several documents (batches) committed, the next one (probably) half-written
            assert proc.stdout.readline().strip()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    with Store(db) as store:
        summary = store.summary()
        bad = store.con.execute(
            "SELECT d.doc_id FROM documents d LEFT JOIN sentences s USING (doc_id) "
            "GROUP BY d.doc_id, d.n_sentences HAVING count(s.idx) <> d.n_sentences"
        ).fetchall()
        orphans = store.con.execute(
            "SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()[0]
        assert store.add(Doc(id="after", text="Dopo il riavvio.", sentences=[Sentence(0, 0, 16, 0)]))
    assert summary["documents"] >= 4
    assert summary["sentences"] == 1500 * summary["documents"]
    assert bad == [] and orphans == 0
