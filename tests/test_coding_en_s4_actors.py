"""English actors in triples, session 4: who did what to whom.

Every sentence is written for this test (none is corpus or gold text).
"""

from __future__ import annotations

from coding_helpers import code_with_gazetteer


def _events(text: str) -> list:
    return code_with_gazetteer("en", text)


def _actors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in _events(text)
    ]


def test_en_place_after_in_the_gives_home_country():
    """ "in the Ivory Coast" places the story there, as "in Kenya" does: a bare "President X" of a story
    that names that one country is its president."""
    found = _actors(
        "Insurgents in the Ivory Coast on Tuesday turned down a plea from President Samuel Obeng to hand over "
        "their weapons."
    )
    assert found, found
    assert any(src and src.startswith("CIV") and tgt == "CIVGOV" for _, src, tgt in found), found


def test_en_one_attack_told_in_two_sentences_is_one_event():
    """A bombing and "the attack" a sentence later are one incident: one ASSAULT event, not two."""
    events = _events(
        "A bomb exploded near a police station in Kandahar on Monday, wounding four officers. "
        "Witnesses said the attack shattered windows across the street."
    )
    assault = [e for e in events if e.cameo[:2] in ("18", "19", "20")]
    assert len(assault) == 1, [(e.cameo, e.rule, e.sentence) for e in events]


def test_en_capturing_a_town_is_fighting_not_occupation():
    """Troops that capture a town or retake a base from an armed group fight (190); occupying stays 192."""
    fought = _actors("Government troops recaptured the northern town of Kalba from rebel fighters on Friday.")
    assert any(code.startswith("19") and code != "192" for code, _, _ in fought), fought
    taken = _actors("Army units took full control of three villages near the border after heavy clashes.")
    assert any(code == "190" for code, _, _ in taken), taken
    occupied = _actors("Israeli troops occupied the southern Lebanese village of Khiam on Tuesday.")
    assert any(code == "192" for code, _, _ in occupied), occupied


def test_en_month_march_is_no_demonstration():
    """ "in March" is a date; "will march on parliament" is a protest."""
    dated = _actors("The two delegations met in March to review the budget.")
    assert not any(code.startswith("14") for code, _, _ in dated), dated
    marched = _actors("Thousands of students will march on parliament in March.")
    assert any(code.startswith("14") for code, _, _ in marched), marched


def test_en_protesters_who_clash_riot_and_taking_the_streets_is_a_protest():
    """Rioters or protesters fighting troops protest violently (145); armed forces fighting stay 190."""
    rioted = _actors("Angry rioters clashed with Kenyan police in Kisumu on Friday.")
    assert any(code == "145" for code, _, _ in rioted), rioted
    fought = _actors("Rebels clashed with Malian troops near Gao on Friday.")
    assert not any(code.startswith("14") for code, _, _ in fought), fought
    marched = _actors("Thousands of Chilean students took to the streets of Santiago on Thursday.")
    assert any(code == "141" for code, _, _ in marched), marched


def test_en_protest_named_beside_its_repression_is_coded():
    """ "police fired tear gas ... during a demonstration": the repression and the demonstration both."""
    found = _actors(
        "Kenyan police fired tear gas at students during a demonstration outside parliament in Nairobi."
    )
    assert any(code.startswith("17") or code.startswith("18") for code, _, _ in found), found
    assert any(code.startswith("14") for code, _, _ in found), found
    background = _actors(
        "The governor imposed a curfew in Mombasa in response to recent unrest in the port city."
    )
    assert not any(code.startswith("14") for code, _, _ in background), background


def test_en_protest_told_in_two_sentences_is_one_event():
    """A march and a blockade a sentence later, by the same protesters, are one protest."""
    events = _events(
        "Thousands of Serbian students marched through Belgrade on Saturday. "
        "The students also blocked a main bridge for two hours."
    )
    protests = [e for e in events if e.cameo.startswith("14")]
    assert len(protests) == 1, [(e.cameo, e.rule, e.sentence) for e in events]


def test_en_storming_is_an_attack_and_one_sentence_one_attack():
    """ "stormed the embassy" is an attack by its subject (the weather's storm is not); a sentence that tells
    one attack with two verbs and the same attackers and victims codes it once."""
    stormed = _actors("Iraqi protesters stormed the US embassy in Baghdad on Tuesday.")
    assert ("190", "IRQCVL", "USAGOV") in stormed, stormed
    bombed = _actors("Turkish warplanes bombed Kurdish militant positions in northern Iraq.")
    assert any(src == "TURMIL" for _, src, _ in bombed), bombed
    events = _events(
        "Gunmen stormed a Pakistani police academy in Quetta and detonated explosive vests, "
        "killing dozens of police cadets."
    )
    violent = [e for e in events if e.cameo[:2] in ("18", "19", "20")]
    assert len(violent) == 1, [(e.cameo, e.rule) for e in events]


def test_en_two_sides_signing_in_a_city_sign_with_each_other():
    """ "A and B signed a deal in Moscow": each signs with the other; the city is where, not a party."""
    found = _actors(
        "Kazakh President Kassym-Jomart Tokayev and Uzbek President Shavkat Mirziyoyev signed a trade deal in Beijing."
    )
    assert {(src, tgt) for code, src, tgt in found if code.startswith("05")} == {
        ("KAZGOV", "UZBGOV"),
        ("UZBGOV", "KAZGOV"),
    }, found


def test_en_asides_between_commas_are_not_the_subject():
    """Who backed, joined or is described in an aside between commas did not act; who acted comes before."""
    backed = _actors("Afghan forces, backed by US airstrikes, recaptured the district from Taliban fighters.")
    assert backed and all(src == "AFGMIL" for _, src, _ in backed), backed
    supported = _actors("Iraqi troops, supported by Iranian militias, attacked rebel positions near Mosul.")
    assert supported and all(src == "IRQMIL" for _, src, _ in supported), supported
    described = _actors(
        "The opposition leader, a fierce critic of President Putin, was arrested by Russian police."
    )
    assert ("173", "RUSCOP", "RUSOPP") in described, described


def test_en_closing_reporter_is_no_target_and_a_condemned_attack_no_event():
    """ ", the news agency said" reports the condemnation: the agency is not whom it condemns; "condemned the
    attack" is one event, the condemnation."""
    found = _actors("The Iranian foreign ministry condemned the attack, the IRNA news agency said.")
    assert found == [("111", "IRNGOV", None)], found


def test_en_fighters_killed_and_refugees_admitted_are_targets():
    """The militants an army kills and the refugees a country admits are whom it acts on, not who acts."""
    killed = _actors("Nigeria's army said it had killed 50 Boko Haram fighters in Borno state.")
    assert ("190", "NGAMIL", "NGAREB") in killed, killed
    admitted = _actors("Germany admitted 5,000 Syrian refugees last year.")
    assert ("075", "DEU", "SYRREF") in admitted, admitted


def test_en_passive_agent_inside_the_pattern_is_the_source():
    """ "soldiers were killed by PKK militants": the militants (the pattern's object word) killed them."""
    found = _actors("Three Turkish soldiers were killed by PKK militants in northern Iraq.")
    assert any(
        code.startswith(("18", "19")) and src == "TURREB" and tgt == "TURMIL" for code, src, tgt in found
    ), found


def test_en_investigated_crimes_by_x_target_x():
    """ "investigating war crimes by Serbian extremists against Muslim civilians": the extremists are
    investigated; "Islamic State group fighters" is the group's role."""
    found = _actors(
        "Bosnia has been investigating alleged war crimes by Serbian extremists against Muslim civilians, "
        "a Bosnian prosecutor said."
    )
    assert ("094", "BIH", "SRBREB") in found, found
    group = _actors("Islamic State group fighters attacked a Syrian army checkpoint near Deir ez-Zor.")
    assert any(src == "---REB" for _, src, _ in group), group


def test_en_refugees_fleeing_a_country_are_its_refugees():
    """Refugees from or fleeing a country are its refugees; refugees in a country are not its own."""
    fled = _actors("Germany will send emergency aid to refugees fleeing the war in Sudan.")
    assert any(tgt == "SDNREF" for _, _, tgt in fled), fled
    hosted = _actors("Germany will send emergency aid to refugees in Chad.")
    assert not any(tgt == "TCDREF" for _, _, tgt in hosted), hosted


def test_en_under_attack_and_an_attack_by_name_the_attacker():
    """ "came under attack from X": X attacked the subject; "repelled an attack by X": X attacked."""
    under = _actors("A Malian army convoy came under attack from jihadist fighters near Gao.")
    assert ("190", "MLIREB", "MLIMIL") in under, under
    repelled = _actors("Kurdish fighters repelled an attack by Islamic State militants in Kobani.")
    assert repelled and all(src == "---REB" for _, src, _ in repelled), repelled


def test_en_banned_protest_is_no_protest_and_curfew_codes():
    """A banned rally was not held: the ban (1721) is the event. A curfew is 1723, martial law 1724."""
    banned = _actors("The Egyptian government banned all protests in Cairo.")
    assert any(code == "1721" for code, _, _ in banned), banned
    assert not any(code.startswith("14") for code, _, _ in banned), banned
    assert any(
        code == "1723" for code, _, _ in _actors("The Thai government imposed a night curfew in Bangkok.")
    )
    assert any(code == "1724" for code, _, _ in _actors("The Thai army declared martial law in Bangkok."))


def test_en_broker_is_no_party_and_exchanging_fire_goes_both_ways():
    """ "A and B agreed ... in a deal brokered by C": A and B agree with each other, not with C;
    "A and B exchanged fire": each fired at the other."""
    agreed = _actors("Bahrain and Qatar agreed to restore diplomatic relations in a deal brokered by Kuwait.")
    pairs = {(src, tgt) for code, src, tgt in agreed if code.startswith("03")}
    assert pairs == {("BHR", "QAT"), ("QAT", "BHR")}, agreed
    fire = _actors("Armenia and Azerbaijan exchanged fire along the border on Tuesday.")
    assert {(src, tgt) for _, src, tgt in fire} == {("ARM", "AZE"), ("AZE", "ARM")}, fire


def test_en_closing_reporter_after_a_comma_is_no_target_of_an_act():
    """ "…, injuring dozens, the state broadcaster reported": the broadcaster reports the injuries, nobody
    injured it."""
    found = _actors(
        "Police fired tear gas in Harare on Friday, injuring dozens, the Zimbabwean state broadcaster reported."
    )
    assert not any(code == "182" and tgt == "ZWE" for code, _, tgt in found), found
