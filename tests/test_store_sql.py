"""The store's SQL files and the rows built from a document."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from casus.doc import Doc, Event, Mention, Quantity, Sentence
from casus.store import rows
from casus.store.sql import insert_columns, queries, query, read_sql


def test_store_sql_every_named_query_is_one_statement():
    named = queries()
    assert {"find_documents", "insert_document", "insert_events", "record_rejected", "events"} <= set(named)
    for name, sql in named.items():
        assert sql.strip(), name
        assert ";" not in sql, f"{name} holds more than one statement"


def test_store_sql_insert_columns_exist_in_the_schema():
    con = duckdb.connect()
    con.execute(read_sql("schema.sql"))
    for name in ("insert_document", "insert_sentences", "insert_mentions", "insert_events"):
        table, cols = insert_columns(name)
        have = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
        assert set(cols) <= have, f"{name}: {set(cols) - have}"
        assert query(name).count("?") == len(cols)


def test_store_sql_schema_runs_twice():
    con = duckdb.connect()
    con.execute(read_sql("schema.sql"))
    con.execute(read_sql("schema.sql"))


def test_store_sql_insert_columns_refuses_other_statements():
    with pytest.raises(KeyError):
        insert_columns("count_documents")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-21", date(2024, 10, 21)),
        ("2024-10", date(2024, 10, 1)),
        ("2024", date(2024, 1, 1)),
        ("lunedì", None),
        (None, None),
        ("", None),
    ],
)
def test_store_sql_event_dates_of_every_precision(value, expected):
    assert rows.parse_event_date(value) == expected


def test_store_sql_rows_match_the_insert_columns():
    text = "Seul protesta contro Pyongyang. Fine."
    seoul = Mention(0, 4, "Seul", "KOR", 0, kind="capital", country="KOR")
    pyongyang = Mention(21, 30, "Pyongyang", "PRK", 0, kind="capital", country="PRK")
    event = Event(
        doc_id="x",
        lang="it",
        sentence=0,
        evidence_start=0,
        evidence_end=31,
        evidence_text=text[:31],
        cameo="140",
        source=seoul,
        target=pyongyang,
        attribution=seoul,
        quantities=[Quantity(3, "protests", "exact", "tre")],
        location={"text": "Seul", "country": "KOR", "lat": 37.57, "lon": 126.98},
    )
    doc = Doc(id="x", text=text, sentences=[Sentence(0, 0, 31, 0), Sentence(1, 32, 37, 0)])
    doc.mentions = [seoul, pyongyang]
    doc.events = [event]
    for name, values in (
        ("insert_document", [rows.document_row(doc)]),
        ("insert_sentences", rows.sentence_rows(doc)),
        ("insert_mentions", rows.mention_rows(doc)),
        ("insert_events", rows.event_rows(doc)),
    ):
        _, cols = insert_columns(name)
        assert values and all(len(v) == len(cols) for v in values), name
    event_row = dict(zip(insert_columns("insert_events")[1], rows.event_rows(doc)[0], strict=True))
    assert event_row["cameo_root"] == "14"
    assert event_row["attribution_code"] == "KOR"
    assert event_row["lat"] == 37.57
    assert rows.sentence_rows(doc)[1][-1] == "Fine."
