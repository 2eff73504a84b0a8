"""English slots: who did what to whom (sentences written for these tests). The reporter of a sentence is not
its target, a role placed 'in' a country takes that country, the victims of a passive are no attackers,
'fighting between A and B' is A against B, a coordinated subject of 'must' is named by its first member."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from casus.options import Options
from casus.pipeline import Pipeline
from coding_helpers import triples


@cache
def _pipeline() -> Pipeline:
    return Pipeline(Options(lang="en"))


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    return triples(_pipeline(), text, lang="en", published=date(2023, 6, 10))


def test_coding_slots_en_trailing_reporter_is_no_target():
    events = _events(
        "Gunmen ambushed a police convoy near the border on Tuesday, killing six officers, Pakistani "
        "security sources said."
    )
    assert events and all(target != "PAK" and source != "PAK" for _, source, target in events)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Rebels in the Central African Republic rejected an offer from the government on Friday.", "CAFREB"),
        ("Rebels in northern Chad attacked an army convoy on Sunday.", "TCDREB"),
    ],
)
def test_coding_slots_en_role_in_a_country_takes_it(text, source):
    assert any(s == source for _, s, _ in _events(text))


def test_coding_slots_en_refugees_in_a_country_are_not_its_nationals():
    events = _events("Refugees in Hungary protested against the new asylum law on Monday.")
    assert events and not any(s and s.startswith("HUN") for _, s, _ in events)


def test_coding_slots_en_fighting_between_two_sides_whoever_is_the_subject():
    events = _events(
        "Fighting between Ethiopian troops and Eritrean forces flared up again after Sudan closed its border."
    )
    assert ("190", "ETHMIL", "ERIMIL") in events


def test_coding_slots_en_compound_subject_of_must_is_its_first_member():
    events = _events(
        "The French foreign minister said on Monday that the Serbian government and the Kosovo authorities "
        "must resume talks."
    )
    assert any(s == "FRAGOV" and t == "SRBGOV" for _, s, t in events)


def test_coding_slots_en_victims_of_a_passive_are_no_attackers():
    events = _events("Three aid workers were killed in a roadside bomb attack on Sunday.")
    assert events
    assert all(source is None or not source.endswith("LAB") for _, source, _ in events)
    assert not any(code.startswith("07") for code, _, _ in events)  # "aid workers" is no aid


def test_coding_slots_en_a_modifier_before_an_attack_noun_is_its_agent():
    events = _events("Troops repelled a rebel attack on the town overnight.")
    assert any(code.startswith("19") and source and source.endswith("REB") for code, source, _ in events)


def test_coding_slots_en_who_laid_a_mine_was_not_hit():
    events = _events("A truck carrying Malian soldiers hit a landmine planted by the militants.")
    assert not any(target and target.endswith("REB") for _, _, target in events)


def test_coding_slots_en_a_place_after_in_is_no_subject():
    events = _events("Army units recaptured a village in western Chad after heavy fighting with rebels.")
    assert not any(source == "TCD" for _, source, _ in events)


def test_coding_slots_en_reduced_passive_names_its_agent():
    events = _events("Dozens of civilians killed by Sudanese troops were buried on Sunday.")
    assert any(code.startswith("18") and s == "SDNMIL" and t and t.endswith("CVL") for code, s, t in events)
    # a participle hanging on a noun that is no actor leaves the sentence's subject alone
    events = _events(
        "A group of Kenyan diplomats held talks with President Biden at a dinner hosted by the Ambassador of "
        "Morocco."
    )
    assert not any(code.startswith("043") and t and t.startswith("KEN") for code, _, t in events)


def test_coding_slots_en_a_summoned_envoy_is_the_target():
    assert ("114", "KEN", "UGAGOV") in _events("Kenya summoned the Ugandan envoy over the arrests.")


def test_coding_slots_en_demonym_before_adjectives_and_a_role():
    events = _events("Ghanaian junior foreign minister Kwame Boateng summoned Togo's ambassador on Thursday.")
    assert ("114", "GHAGOV", "TGOGOV") in events


def test_coding_slots_en_speaker_of_reiterated_demands_the_act():
    events = _events("A senior French minister reiterated that Syria must hand over the three suspects.")
    assert any(code.startswith("10") and s == "FRAGOV" and t == "SYR" for code, s, t in events)


@pytest.mark.parametrize(
    "text",
    [
        "Anti-American protesters burned flags outside the embassy on Friday.",
        "Pro-Russian separatists shelled the town overnight.",
    ],
)
def test_coding_slots_en_anti_or_pro_a_country_is_not_of_it(text):
    events = _events(text)
    assert events and not any(s and s[:3] in ("USA", "RUS") for _, s, _ in events)


def test_coding_slots_en_committed_to_is_a_promise_by_its_subject():
    events = _events("Kenya is committed to sending police officers to Haiti, its foreign minister said.")
    assert any(code.startswith("03") and s == "KEN" for code, s, _ in events)


def test_coding_slots_en_a_title_after_an_organ_and_a_group_joined_to_it():
    events = _events(
        "Bulgarian National Assembly president Ivan Petrov and a group of MPs held talks with leaders of "
        "Serbia's new government on Monday."
    )
    assert any(code.startswith("04") and s == "BGRGOV" and t == "SRBGOV" for code, s, t in events)


def test_coding_slots_en_a_passive_far_from_the_attack_word_is_another_clause():
    events = _events(
        "Police said a stolen press badge was used by the man who later opened fire at the rally, wounding two."
    )
    assert not any(t and t.endswith("COP") for _, _, t in events)


def test_coding_slots_en_who_condemns_an_attack_did_not_carry_it_out():
    events = _events("Egypt denounced the attack on the convoy near the border.")
    assert not any(code.startswith("19") and s == "EGY" for code, s, _ in events)
    events = _events("Rebels launched an attack on the town on Sunday.")
    assert any(code.startswith("19") and s and s.endswith("REB") for code, s, _ in events)


def test_coding_slots_en_who_died_in_an_explosion_was_hit_by_it():
    events = _events("Four soldiers have died in an explosion near the barracks.")
    assert events and all(s is None or not s.endswith("MIL") for _, s, _ in events)


def test_coding_slots_en_suspects_arrested_for_an_attack_are_not_its_victims():
    events = _events("Two men were arrested on Monday for the bombing of the market.")
    assert not any(code.startswith("18") and t and t.endswith("CVL") for code, _, t in events)
    events = _events("At least 14 civilians were killed on Sunday in drone strikes on the village.")
    assert not any(code.startswith(("18", "19")) and s and s.endswith("CVL") for code, s, _ in events)


def test_coding_slots_en_a_demonym_before_a_group_word_and_a_role():
    events = _events("Turkey will allow up to 9,000 Turkish Kurd refugees staying in Iraq to go back.")
    assert any(s == "TUR" and t == "TURREF" for _, s, t in events)
