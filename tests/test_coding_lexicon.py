"""The lexicon coder on small hand-built documents (sentences, lemmas and actor mentions given directly,
so these tests do not depend on the segmentation or actor stages)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import simplemma

from casus.coding.lexicon import LexiconCoder
from casus.coding.triggers import LEXICON_DIR, lexicon_for, load_lexicon, match_sentence
from casus.doc import Doc, Mention, Sentence, Token
from casus.errors import ConfigError
from casus.options import Options


def build_doc(lines: list[tuple[str, str]], lang: str, actors: dict[str, str]) -> Doc:
    """A document from (kind, sentence) lines; `actors` maps a surface string to its actor code."""
    text = "\n".join(s for _, s in lines)
    doc = Doc(id="t", text=text, lang=lang, published=date(2024, 3, 14))
    pos = 0
    for i, (kind, s) in enumerate(lines):
        toks = [
            Token(pos + m.start(), pos + m.end(), m.group(), simplemma.lemmatize(m.group(), lang=lang))
            for m in re.finditer(r"\w+|[^\w\s]", s)
        ]
        doc.sentences.append(Sentence(i, pos, pos + len(s), i, kind, toks))
        for surface, code in actors.items():
            for m in re.finditer(re.escape(surface), s):
                doc.mentions.append(Mention(pos + m.start(), pos + m.end(), surface, code, i))
        pos += len(s) + 1
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def triples(doc: Doc) -> set[tuple]:
    return {
        (e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
        for e in LexiconCoder(Options()).code(doc)
    }


@pytest.mark.parametrize("lang", ["it", "en"])
def test_coding_lexicon_packaged_files_load(lang):
    lex = lexicon_for(lang)
    assert lex is not None and lex.triggers
    assert len({t.id for t in lex.triggers}) == len(lex.triggers)


def test_coding_lexicon_every_file_loads():
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        assert load_lexicon(path).triggers, path


def test_coding_lexicon_bad_row_names_file_and_trigger(tmp_path: Path):
    bad = tmp_path / "xx.yaml"
    bad.write_text("lang: xx\ntriggers:\n  - {id: xx.bad, cameo: '999', pattern: 'foo'}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"xx\.yaml: trigger xx\.bad"):
        load_lexicon(bad)


def test_coding_lexicon_matches_lemmas_with_gap():
    doc = build_doc([("body", "Il governo ha inviato ieri altre truppe al confine.")], "it", {})
    ids = [m.trigger.id for m in match_sentence(lexicon_for("it"), doc.sentences[0])]
    assert any("send" in i for i in ids)


def test_coding_lexicon_verb_subject_object_italian():
    doc = build_doc(
        [("body", "La Turchia ha criticato duramente la Grecia per le esercitazioni navali.")],
        "it",
        {"La Turchia": "TUR", "la Grecia": "GRC"},
    )
    assert ("TUR", "111", "GRC") in triples(doc)


def test_coding_lexicon_nominal_event_source_and_target():
    doc = build_doc(
        [("body", "Il ministro ha commentato lo spiegamento di soldati della Bielorussia in Polonia.")],
        "it",
        {"Bielorussia": "BLR", "Polonia": "POL"},
    )
    assert ("BLR", "072", "POL") in triples(doc)


def test_coding_lexicon_passive_agent_is_source():
    doc = build_doc(
        [("body", "Three journalists were arrested by the Iranian police in Tehran on Monday.")],
        "en",
        {"Three journalists": "---MED", "the Iranian police": "IRNCOP"},
    )
    assert ("IRNCOP", "173", "---MED") in triples(doc)


def test_coding_lexicon_compound_symmetric_subject_both_directions():
    doc = build_doc(
        [("body", "Chile and Peru signed a fisheries agreement in Lima.")],
        "en",
        {"Chile": "CHL", "Peru": "PER"},
    )
    got = triples(doc)
    assert ("CHL", "057", "PER") in got and ("PER", "057", "CHL") in got


def test_coding_lexicon_purpose_clause_is_not_an_event():
    doc = build_doc(
        [("body", "Il Ciad ha inviato soldati per combattere i ribelli.")],
        "it",
        {"Il Ciad": "TCD", "i ribelli": "---REB"},
    )
    got = triples(doc)
    assert not any(c.startswith("19") for _, c, _ in got)


def test_coding_lexicon_title_and_body_are_one_event():
    doc = build_doc(
        [
            ("title", "Serbia condemns Kosovo"),
            ("body", "Serbia on Tuesday condemned Kosovo over the border closure."),
        ],
        "en",
        {"Serbia": "SRB", "Kosovo": "XKX"},
    )
    events = LexiconCoder(Options()).code(doc)
    assert len(events) == 1
    assert events[0].mentions == 2 and events[0].sentence == 1


def test_coding_lexicon_unknown_language_codes_nothing():
    doc = build_doc([("body", "Něco se stalo.")], "cs", {})
    assert LexiconCoder(Options()).code(doc) == []


def test_coding_lexicon_surface_only_alternative(tmp_path: Path):
    path = tmp_path / "en.yaml"
    path.write_text(
        "lang: en\ntriggers:\n  - {id: t.march, cameo: '141', pattern: '=marched|=marching'}\n",
        encoding="utf-8",
    )
    lex = load_lexicon(path)
    doc = build_doc([("body", "In March thousands marched in Quito.")], "en", {})
    hits = [
        (m.trigger.id, doc.sentences[0].tokens[m.anchor].text) for m in match_sentence(lex, doc.sentences[0])
    ]
    assert hits == [("t.march", "marched")]


def test_coding_lexicon_needs_actor_drops_actorless_events():
    doc = build_doc([("body", "The shell of a raw egg weighed 82 pounds.")], "en", {})
    assert LexiconCoder(Options()).code(doc) == []
