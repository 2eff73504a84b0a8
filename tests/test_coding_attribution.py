"""Attribution cues: "secondo X", "according to X", "X said", "the same source", in it/en/fr/es/de."""

from __future__ import annotations

from casus.coding import attribution
from casus.doc import Doc, Mention, Sentence


def make(text: str, actors: list[tuple[str, str]], lang: str) -> tuple[Doc, list[Sentence]]:
    """A doc whose sentences are split at ". " and whose mentions are the given (text, code) pairs."""
    doc = Doc(id="t", text=text, lang=lang)
    sents, start = [], 0
    for i, piece in enumerate(text.split(". ")):
        end = start + len(piece) + (1 if start + len(piece) < len(text) else 0)
        sents.append(Sentence(index=i, start=start, end=min(end, len(text)), paragraph=0))
        start = start + len(piece) + 2
    doc.sentences = sents
    for surface, code in actors:
        pos = 0
        while (at := text.find(surface, pos)) >= 0:
            index = next(s.index for s in sents if s.start <= at < s.end)
            doc.mentions.append(Mention(at, at + len(surface), surface, code, index))
            pos = at + len(surface)
    doc.mentions.sort(key=lambda m: m.start)
    return doc, sents


IT = (
    "Secondo l’agenzia di spionaggio della Lituania, la Bielorussia ha deciso di schierare fino a "
    "4.000 soldati lungo il confine. Circa 600 paracadutisti bielorussi sono già nella regione di Grodno "
    "per le esercitazioni e dovrebbero presto raggiungere la frontiera, secondo la stessa fonte. Interpellato "
    "giovedì sulla questione, Jens Halvorsen ha indicato che l’Alleanza non può verificare “per ora” lo "
    "schieramento di truppe da parte della Bielorussia al confine. “Ma la situazione può evolvere”, ha "
    "aggiunto."
)
IT_ACTORS = [
    ("l’agenzia di spionaggio della Lituania", "LTUSPY"),
    ("la Bielorussia", "BLR"),
    ("Bielorussia", "BLR"),
    ("Jens Halvorsen", "IGOWSTNAT"),
    ("l’Alleanza", "IGOWSTNAT"),
]


def test_coding_attribution_secondo_and_same_source():
    doc, sents = make(IT, IT_ACTORS, "it")
    first = attribution.find(doc, sents[0], "it")
    assert first is not None and first.mention.code == "LTUSPY"
    assert first.kind == "according_to" and first.cue_text == "Secondo"
    assert first.covers(doc.text.index("schierare"))
    second = attribution.find(doc, sents[1], "it", prev=first)
    assert second is not None and second.kind == "same_source" and second.carried
    assert second.mention.code == "LTUSPY"


def test_coding_attribution_speech_verb_speaker_before_governs_after():
    doc, sents = make(IT, IT_ACTORS, "it")
    third = attribution.find(doc, sents[2], "it")
    assert third is not None and third.kind == "speech_verb"
    assert third.mention.text == "Jens Halvorsen"
    assert third.covers(doc.text.index("schieramento"))
    assert not third.covers(doc.text.index("Interpellato"))


def test_coding_attribution_bare_speech_verb_carries_previous_speaker():
    doc, sents = make(IT, IT_ACTORS, "it")
    third = attribution.find(doc, sents[2], "it")
    fourth = attribution.find(doc, sents[3], "it", prev=third)
    assert fourth is not None and fourth.carried and fourth.mention.text == "Jens Halvorsen"


def test_coding_attribution_inverted_speech_verb():
    text = (
        "Lo schieramento di paracadutisti bielorussi rappresenterebbe una grave provocazione, ha affermato "
        "martedì 14 marzo il ministro degli Esteri lituano Tomas Vaitkus."
    )
    doc, sents = make(text, [("il ministro degli Esteri lituano Tomas Vaitkus", "LTUGOV")], "it")
    found = attribution.find(doc, sents[0], "it")
    assert found is not None and found.mention.code == "LTUGOV"
    assert found.covers(text.index("schieramento"))
    assert attribution.is_own_statement(doc, sents[0], doc.mentions[0], "it")


def test_coding_attribution_claim():
    text = "La Polonia e gli Stati Uniti sostengono da mesi che Lukashenko fornisce carburante alla Russia."
    doc, sents = make(text, [("Stati Uniti", "USA"), ("Lukashenko", "BLRGOV"), ("Russia", "RUS")], "it")
    found = attribution.find(doc, sents[0], "it")
    assert found is not None and found.kind == "claim" and found.mention.code == "USA"
    assert found.covers(text.index("fornisce"))
    text = "South Korea claims that Pyongyang sent weapons to Moscow."
    doc, sents = make(text, [("South Korea", "KOR"), ("Pyongyang", "PRK"), ("Moscow", "RUS")], "en")
    found = attribution.find(doc, sents[0], "en")
    assert found is not None and found.kind == "claim" and found.mention.code == "KOR"
    assert found.covers(text.index("sent"))


def test_coding_attribution_other_languages():
    cases = [
        ("According to the Pentagon, Russian troops crossed the border.", "the Pentagon", "USAMIL", "en"),
        (
            "Selon le ministère ukrainien, des soldats russes ont franchi la frontière.",
            "le ministère ukrainien",
            "UKRGOV",
            "fr",
        ),
        ("Según la Fiscalía, la policía detuvo a veinte manifestantes.", "la Fiscalía", "COLJUD", "es"),
        ("Laut dem Pentagon haben russische Truppen die Grenze überquert.", "dem Pentagon", "USAMIL", "de"),
        (
            "Dem Pentagon zufolge haben russische Truppen die Grenze überquert.",
            "Dem Pentagon",
            "USAMIL",
            "de",
        ),
        ("The Kremlin said Russian troops would stay in Belarus.", "The Kremlin", "RUSGOV", "en"),
        ("Le Kremlin a déclaré que les troupes resteraient en Biélorussie.", "Le Kremlin", "RUSGOV", "fr"),
        ("El ministro dijo que las tropas se quedarán en la frontera.", "El ministro", "COLGOV", "es"),
        ("Der Sprecher sagte, die Truppen blieben in Belarus.", "Der Sprecher", "DEUGOV", "de"),
    ]
    for text, actor, code, lang in cases:
        doc, sents = make(text, [(actor, code)], lang)
        found = attribution.find(doc, sents[0], lang)
        assert found is not None and found.mention is not None, text
        assert found.mention.code == code, text


def test_coding_attribution_same_source_other_languages():
    for text, lang in [
        ("Two soldiers were killed, according to the same source.", "en"),
        ("Deux soldats ont été tués, selon la même source.", "fr"),
        ("Dos soldados murieron, según la misma fuente.", "es"),
        ("Zwei Soldaten wurden getötet, laut derselben Quelle.", "de"),
    ]:
        doc, sents = make(text, [], lang)
        prev = attribution.AttributionResult(
            Mention(0, 3, "AFP", "---MED", -1), "according to", 0, 3, (0, 3), "according_to"
        )
        found = attribution.find(doc, sents[0], lang, prev=prev)
        assert found is not None and found.kind == "same_source" and found.mention.code == "---MED", text


def test_coding_attribution_none_when_no_cue():
    doc, sents = make("Russian troops crossed the border on Monday.", [("Russian troops", "RUSMIL")], "en")
    assert attribution.find(doc, sents[0], "en") is None


def test_coding_attribution_cue_without_actor_still_found():
    doc, sents = make("Secondo fonti locali, i ribelli hanno attaccato un villaggio.", [], "it")
    found = attribution.find(doc, sents[0], "it")
    assert found is not None and found.mention is None and found.kind == "according_to"


def test_coding_attribution_to_cue_for_explain():
    doc, sents = make(IT, IT_ACTORS, "it")
    cue = attribution.find(doc, sents[0], "it").to_cue()
    assert (
        cue["code"] == "LTUSPY"
        and cue["text"] == "Secondo"
        and doc.text[cue["start"] : cue["end"]] == "Secondo"
    )


def test_coding_attribution_ordinal_secondo_is_not_a_cue():
    doc, sents = make(
        "Il secondo giorno di scontri la Russia ha bombardato Kharkiv.", [("la Russia", "RUS")], "it"
    )
    assert attribution.find(doc, sents[0], "it") is None


def test_coding_attribution_pronoun_speaker_carries_previous_actor():
    text = "The Kremlin said talks had failed. Troops will stay in Belarus, he said. Police arrested 20 people, said."
    doc, sents = make(text, [("The Kremlin", "RUSGOV")], "en")
    first = attribution.find(doc, sents[0], "en")
    second = attribution.find(doc, sents[1], "en", prev=first)
    assert second is not None and second.carried and second.mention.code == "RUSGOV"


def test_coding_attribution_quote_spans_and_carried_speaker():
    doc, sents = make(IT, IT_ACTORS, "it")
    third = attribution.find(doc, sents[2], "it")
    rutte = third.mention
    fourth = sents[3]
    spans = attribution.quote_spans(doc, fourth)
    assert [doc.text[a:b] for a, b in spans] == ["“Ma la situazione può evolvere”"]
    assert attribution.is_own_statement(doc, fourth, rutte, "it", prev=third)
    other = next(m for m in doc.mentions if m.code == "LTUSPY")
    assert not attribution.is_own_statement(doc, fourth, other, "it", prev=third)


def test_coding_attribution_claims_other_languages():
    cases = [
        ("Kiev affirme que Moscou a bombardé une école.", "Kiev", "UKR", "fr", "bombardé"),
        ("Ucrania sostiene que Rusia bombardeó una escuela.", "Ucrania", "UKR", "es", "bombardeó"),
        ("Kiew behauptet, dass Moskau eine Schule bombardiert hat.", "Kiew", "UKR", "de", "bombardiert"),
    ]
    for text, actor, code, lang, trigger in cases:
        doc, sents = make(text, [(actor, code)], lang)
        found = attribution.find(doc, sents[0], lang)
        assert found is not None and found.kind == "claim" and found.mention.code == code, text
        assert found.covers(text.index(trigger)), text


def test_coding_attribution_a_contrasting_clause_with_its_own_speaker_is_not_governed():
    text = (
        "Il ministro francese ha annunciato nuove sanzioni contro Minsk, mentre Berlino ha avvertito che "
        "la misura colpirà anche le imprese tedesche."
    )
    doc, sents = make(text, [("Il ministro francese", "FRAGOV"), ("Minsk", "BLR"), ("Berlino", "DEU")], "it")
    found = attribution.find(doc, sents[0], "it")
    assert found is not None and found.mention.code == "FRAGOV"
    assert found.covers(doc.text.index("sanzioni"))
    assert not found.covers(doc.text.index("avvertito"))  # Berlin speaks for itself
    # a contrasting clause without a speech verb of its own stays inside the first speaker's frame
    plain = (
        "Il ministro francese ha detto che l'esercito si è ritirato, mentre i ribelli hanno attaccato Goma."
    )
    doc, sents = make(plain, [("Il ministro francese", "FRAGOV"), ("Goma", "COD")], "it")
    found = attribution.find(doc, sents[0], "it")
    assert found is not None and found.covers(doc.text.index("attaccato"))


def test_coding_attribution_trailing_reporter_governs_what_precedes():
    text = "Gunmen stormed a checkpoint near the border, killing four guards, Nigerian army sources said on Friday."
    doc, sents = make(text, [("Nigerian army", "NGAMIL")], "en")
    found = attribution.find(doc, sents[0], "en")
    assert found is not None and found.mention.code == "NGAMIL"
    assert found.covers(text.index("killing"), text.index("guards"))
    # a reporter that opens a clause of its own still governs what follows it
    text = "On Friday, Nigerian army sources said gunmen had stormed a checkpoint near the border."
    doc, sents = make(text, [("Nigerian army", "NGAMIL")], "en")
    found = attribution.find(doc, sents[0], "en")
    assert found is not None and found.covers(text.index("stormed"))
    assert not found.covers(0, 9)
