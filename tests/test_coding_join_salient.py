"""One sentence, one event told over two triggers (an agent-only bombing and a victim-only killing are joined),
a main verb kept beside the sentence's full events, and Arabic verb-initial protests whose target is what
the trigger's target words introduce, never a city after a locative (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from casus.coding.dedupe import join_split
from casus.coding.lexicon import salient
from casus.doc import Event, Mention
from casus.options import Options
from casus.pipeline import Pipeline
from coding_helpers import triples


def _m(code: str, start: int) -> Mention:
    return Mention(start, start + 5, code, code, 0)


def _ev(cameo: str, at: int, src: Mention | None, tgt: Mention | None, pos: str = "verb") -> Event:
    text = "x" * 200
    return Event(
        doc_id="d",
        lang="en",
        sentence=0,
        evidence_start=0,
        evidence_end=len(text),
        evidence_text=text,
        cameo=cameo,
        source=src,
        target=tgt,
        rule=f"r{cameo}",
        trigger={"text": "x", "start": at, "end": at + 5},
        cues={"pos": pos, "roles": []},
    )


def test_coding_join_agent_only_attack_takes_the_later_victim():
    bombing = _ev("183", 10, _m("IRQUAF", 0), None)
    killing = _ev("1823", 80, None, _m("IRQCOP", 100))
    out = join_split([bombing, killing])
    assert len(out) == 1
    ev = out[0]
    assert ev.cameo == "183" and ev.source.code == "IRQUAF" and ev.target.code == "IRQCOP"
    assert ev.rule == "r183+r1823" and ev.cues["joined"]["rule"] == "r1823"
    assert ev.trigger["start"] == 10 and ev.trigger["end"] == 85


def test_coding_join_across_the_violent_family_only():
    attack = _ev("190", 10, _m("AFGREB", 0), None)
    wounding = _ev("182", 60, None, _m("GBRMIL", 90))
    assert len(join_split([attack, wounding])) == 1
    talks = _ev("040", 10, _m("IRN", 0), None)
    more_talks = _ev("040", 60, None, _m("USA", 90))
    assert len(join_split([talks, more_talks])) == 2  # two mentions of talks are no one act


def test_coding_join_needs_order_and_no_full_event():
    killing = _ev("1823", 10, None, _m("IRQCOP", 20))
    bombing = _ev("183", 80, _m("IRQUAF", 60), None)
    assert len(join_split([killing, bombing])) == 2  # the victim before the agent: not joined
    full = _ev("190", 120, _m("AFGREB", 110), _m("GBRMIL", 150))
    early = _ev("183", 10, _m("IRQUAF", 0), None)
    late = _ev("1823", 80, None, _m("IRQCOP", 100))
    assert len(join_split([early, late, full])) == 3
    same = _m("IRQ", 40)
    assert len(join_split([_ev("183", 10, same, None), _ev("1823", 80, None, same)])) == 2


def test_coding_salient_keeps_an_earlier_main_verb_beside_full_events():
    died = _ev("1823", 10, _m("AZECVL", 0), None)
    arrested = _ev("173", 80, _m("AZECOP", 60), _m("AZEOPP", 100))
    assert salient([died, arrested]) == [arrested, died]
    later = _ev("141", 150, _m("AZECVL", 130), None)
    assert salient([arrested, later]) == [arrested]  # after the full event: a subordinate clause
    noun = _ev("190", 5, _m("AZECVL", 0), None, pos="noun")  # a protest noun is kept: _protest_setting
    assert salient([noun, arrested]) == [arrested]
    same_root = _ev("172", 5, _m("AZECOP", 0), None)
    assert salient([same_root, arrested]) == [arrested]


@pytest.fixture(scope="module")
def arabic() -> Pipeline:
    return Pipeline(Options(lang="ar"))


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    return triples(pipeline, text, lang="ar", published=date(2008, 3, 2), keep_negated=True)


def test_coding_verb_initial_protest_city_after_fi_is_no_target(arabic):
    events = _events(arabic, "وخرج المتظاهرون الى الشوارع في سريناجار مرددين هتافات ضد الحكومة الهندية.")
    protests = [e for e in events if e[0].startswith("14")]
    assert protests and all(t != "IND" for _, _, t in protests)
    assert any(t == "INDGOV" for _, _, t in protests)


def test_coding_verb_initial_protest_target_after_didd(arabic):
    events = _events(arabic, "تظاهر آلاف الطلاب في القاهرة ضد الحكومة المصرية.")
    assert any(c.startswith("14") and (s or "").startswith("EGY") and t == "EGYGOV" for c, s, t in events)
