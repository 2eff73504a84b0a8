"""Sentence segmentation: quotes, abbreviations, numbers, initials, headlines, per language."""

from __future__ import annotations

import pytest

from casus.doc import Doc, Paragraph
from casus.language.segment import make_stage
from casus.options import Options


@pytest.fixture(scope="module")
def segment():
    return make_stage(Options())


def sentences(segment, text: str, lang: str, kind: str = "body") -> list[str]:
    doc = Doc(id="s", text=text, lang=lang, paragraphs=[Paragraph(0, len(text), kind)])
    doc = segment(doc)
    return [doc.text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "Il sig. Rossi ha incontrato il dott. Bianchi a Roma. Hanno parlato di 3,5 milioni di euro.",
            ["Il sig. Rossi ha incontrato il dott. Bianchi a Roma.", "Hanno parlato di 3,5 milioni di euro."],
        ),
        (
            "it",
            "«Non ci fermeremo. Andremo avanti», ha detto il ministro. Poi ha lasciato la sala.",
            ["«Non ci fermeremo. Andremo avanti», ha detto il ministro.", "Poi ha lasciato la sala."],
        ),
        (
            "it",
            "“Ma la situazione resta grave…”, ha aggiunto. Gli sfollati sono 12.000.",
            ["“Ma la situazione resta grave…”, ha aggiunto.", "Gli sfollati sono 12.000."],
        ),
        (
            "en",
            "Mr. Blinken met Gen. Milley in Washington. The U.S. delegation left on Friday. J. Smith stayed.",
            [
                "Mr. Blinken met Gen. Milley in Washington.",
                "The U.S. delegation left on Friday.",
                "J. Smith stayed.",
            ],
        ),
        (
            "en",
            '"We will not back down." The protesters marched on. About 1,500 people joined.',
            ['"We will not back down."', "The protesters marched on.", "About 1,500 people joined."],
        ),
        (
            "fr",
            "M. Macron a reçu Mme Meloni à l'Élysée. « La coopération est essentielle. » Ils ont signé un accord.",
            [
                "M. Macron a reçu Mme Meloni à l'Élysée.",
                "« La coopération est essentielle. »",
                "Ils ont signé un accord.",
            ],
        ),
        (
            "fr",
            "Le budget atteint 12 000 millions d'euros. Est-ce assez ? Le gouvernement le pense.",
            ["Le budget atteint 12 000 millions d'euros.", "Est-ce assez ?", "Le gouvernement le pense."],
        ),
        (
            "es",
            "El Sr. García y la Sra. López llegaron a Bogotá. ¿Habrá acuerdo? Las FARC dijeron que sí.",
            [
                "El Sr. García y la Sra. López llegaron a Bogotá.",
                "¿Habrá acuerdo?",
                "Las FARC dijeron que sí.",
            ],
        ),
        (
            "de",
            "Die Wahl findet am 21. August statt. Dr. Müller, z.B. der Kandidat der SPD, sprach in Berlin.",
            [
                "Die Wahl findet am 21. August statt.",
                "Dr. Müller, z.B. der Kandidat der SPD, sprach in Berlin.",
            ],
        ),
        (
            "de",
            "„Wir werden das Gesetz ändern. Das ist klar“, sagte die Ministerin. Die Opposition protestierte.",
            [
                "„Wir werden das Gesetz ändern. Das ist klar“, sagte die Ministerin.",
                "Die Opposition protestierte.",
            ],
        ),
    ],
)
def test_language_segment_edge_cases(segment, lang: str, text: str, expected: list[str]) -> None:
    assert sentences(segment, text, lang) == expected


def test_language_segment_abbreviation_that_ends_a_sentence(segment) -> None:
    text = "New tariffs were imposed by the U.S. The talks resume in Geneva. The U.S. envoy will attend."
    assert sentences(segment, text, "en") == [
        "New tariffs were imposed by the U.S.",
        "The talks resume in Geneva.",
        "The U.S. envoy will attend.",
    ]
    text = "L'accordo è stato firmato con Leonardo S.p.A. Il governo ha dato il via libera."
    assert sentences(segment, text, "it") == [
        "L'accordo è stato firmato con Leonardo S.p.A.",
        "Il governo ha dato il via libera.",
    ]


def test_language_segment_number_abbreviation_before_digits(segment) -> None:
    text = "The franchise under Republic Act No. 7966 expired. Asked again, he said no. Then he left."
    assert sentences(segment, text, "en") == [
        "The franchise under Republic Act No. 7966 expired.",
        "Asked again, he said no.",
        "Then he left.",
    ]


def test_language_segment_straight_quotes_keep_their_attribution(segment) -> None:
    text = '"We will not back down. We will fight," he said. The crowd cheered. She said: "Enough. Go home."'
    assert sentences(segment, text, "en") == [
        '"We will not back down. We will fight," he said.',
        "The crowd cheered.",
        'She said: "Enough. Go home."',
    ]
    unbalanced = 'He called it "a disgrace. Nothing more. The vote is on Friday.'
    assert len(sentences(segment, unbalanced, "en")) == 3


def test_language_segment_headline_without_stop_is_one_sentence(segment) -> None:
    assert sentences(segment, "Scontri al confine tra Armenia e Azerbaigian", "it", "title") == [
        "Scontri al confine tra Armenia e Azerbaigian"
    ]


def test_language_segment_never_crosses_paragraphs(segment) -> None:
    text = "Titolo senza punto\n\nPrima frase del corpo. Seconda frase\n\nTerzo paragrafo."
    spans = []
    for part in text.split("\n\n"):
        start = text.index(part)
        spans.append((start, start + len(part)))
    paras = [Paragraph(*spans[0], "title"), Paragraph(*spans[1], "body"), Paragraph(*spans[2], "body")]
    doc = segment(Doc(id="p", text=text, lang="it", paragraphs=paras))
    got = [(s.paragraph, s.kind, text[s.start : s.end]) for s in doc.sentences]
    assert got == [
        (0, "title", "Titolo senza punto"),
        (1, "body", "Prima frase del corpo."),
        (1, "body", "Seconda frase"),
        (2, "body", "Terzo paragrafo."),
    ]
    assert [s.index for s in doc.sentences] == [0, 1, 2, 3]


def test_language_segment_stray_closing_quote_joins_previous(segment) -> None:
    text = 'He said: "We will talk about it tomorrow. "'
    assert sentences(segment, text, "en") == [text]


def test_language_segment_lower_case_after_stop_does_not_split(segment) -> None:
    text = "Il vertice è previsto per il 3 ott. a Bruxelles, ma la data può cambiare."
    assert sentences(segment, text, "it") == [text]


def test_language_segment_unknown_language_still_splits(segment) -> None:
    text = "Протестующие вышли на улицы Тбилиси. Полиция применила водомёты."
    assert sentences(segment, text, "ru") == [
        "Протестующие вышли на улицы Тбилиси.",
        "Полиция применила водомёты.",
    ]
    assert sentences(segment, "Primera frase. Segunda frase.", None) == ["Primera frase.", "Segunda frase."]


def test_language_segment_chinese_and_japanese_need_no_space(segment) -> None:
    assert sentences(segment, "外交部长周二抵达北京。双方讨论了贸易问题！", "zh") == [
        "外交部长周二抵达北京。",
        "双方讨论了贸易问题！",
    ]
    assert sentences(segment, "首相は会見した。「協議を続ける。」と述べた。", "ja") == [
        "首相は会見した。",
        "「協議を続ける。」と述べた。",
    ]


def test_language_segment_lemmas_only_where_casus_codes_the_language(segment) -> None:
    # Italian is coded: its tokens carry dictionary lemmas ("inviato" -> "inviare")
    it = segment(
        Doc(id="it", text="Il governo ha inviato truppe.", lang="it", paragraphs=[Paragraph(0, 29, "body")])
    )
    assert [t.lemma for t in it.sentences[0].tokens][:4] == ["il", "governo", "avere", "inviare"]
    # Polish has no trigger lexicon: nothing reads its lemmas, so no dictionary is opened for it
    text = "Rząd wysłał wojska do Rosji."
    pl = segment(Doc(id="pl", text=text, lang="pl", paragraphs=[Paragraph(0, len(text), "body")]))
    tokens = pl.sentences[0].tokens
    assert [t.lemma for t in tokens] == [t.text.lower() for t in tokens]
    assert [t.text for t in tokens][:3] == ["Rząd", "wysłał", "wojska"]
