"""The clean stage: title once, debris removed with its reason, embedded posts, headings, exact offsets."""

from __future__ import annotations

import pytest

from casus.doc import Doc, Rejected
from casus.errors import CasusError
from casus.ingest.clean import make_stage
from casus.options import Options
from casus.pipeline import Pipeline


@pytest.fixture(scope="module")
def clean():
    return make_stage(Options())


def cleaned(clean, raw: str, title: str | None = None) -> Doc:
    return clean(Doc(id="t", raw=raw, title=title))


def paragraph_texts(doc: Doc) -> list[tuple[str, str]]:
    return [(p.kind, doc.text[p.start : p.end]) for p in doc.paragraphs]


def reasons(doc: Doc) -> dict[str, str]:
    return {d.text: d.reason for d in doc.debris}


PAGE_IT = """Sciopero dei medici: ospedali in affanno in tutta la Lombardia

Sciopero dei medici: ospedali in affanno in tutta la Lombardia
—

l'essenziale
I medici ospedalieri hanno incrociato le braccia per ventiquattro ore contro i tagli previsti dalla manovra.

Secondo i sindacati l'adesione ha superato il 70 per cento. «Non possiamo lavorare in queste condizioni», ha detto il segretario regionale.

Le richieste dei sindacati

La trattativa con la Regione riprenderà martedì prossimo.

Leggi anche:
Sanità, la Regione annuncia nuove assunzioni entro l'estate

Condividi
Questo sito utilizza cookie tecnici e di profilazione. Proseguendo accetti.
Iscriviti alla newsletter
PREV Como: riapre il lungolago dopo i lavori
NEXT Bergamo, la nuova pista ciclabile divide i residenti
"""


def test_ingest_clean_italian_page(clean) -> None:
    doc = cleaned(clean, PAGE_IT)
    assert paragraph_texts(doc) == [
        ("title", "Sciopero dei medici: ospedali in affanno in tutta la Lombardia"),
        (
            "body",
            "I medici ospedalieri hanno incrociato le braccia per ventiquattro ore contro i tagli previsti "
            "dalla manovra.",
        ),
        (
            "body",
            "Secondo i sindacati l'adesione ha superato il 70 per cento. «Non possiamo lavorare in queste "
            "condizioni», ha detto il segretario regionale.",
        ),
        ("heading", "Le richieste dei sindacati"),
        ("body", "La trattativa con la Regione riprenderà martedì prossimo."),
    ]
    assert doc.title == "Sciopero dei medici: ospedali in affanno in tutta la Lombardia"
    r = reasons(doc)
    assert r["Sciopero dei medici: ospedali in affanno in tutta la Lombardia"] == "repeated-title"
    assert r["—"] == "lone-dash"
    assert r["l'essenziale"] == "kicker"
    assert r["Leggi anche:"] == "related-link"
    assert r["Sanità, la Regione annuncia nuove assunzioni entro l'estate"] == "related-link"
    assert r["Condividi"] == "share"
    assert r["Questo sito utilizza cookie tecnici e di profilazione. Proseguendo accetti."] == "cookie"
    assert r["Iscriviti alla newsletter"] == "subscribe"
    assert r["PREV Como: riapre il lungolago dopo i lavori"] == "navigation"
    assert r["NEXT Bergamo, la nuova pista ciclabile divide i residenti"] == "navigation"
    assert [d.line for d in doc.debris][:3] == [3, 4, 6]


def test_ingest_clean_offsets_are_exact(clean) -> None:
    doc = cleaned(clean, PAGE_IT)
    assert "\n\n".join(doc.text[p.start : p.end] for p in doc.paragraphs) == doc.text
    for a, b in zip(doc.paragraphs, doc.paragraphs[1:], strict=False):
        assert doc.text[a.end : b.start] == "\n\n"


PAGE_EN = """Senate passes stopgap bill hours before shutdown deadline
Friday, March 22, 2024

The Senate approved a short-term spending bill late on Friday, sending it to the president.

Read more: House Republicans split over Ukraine aid package

The vote was 77 to 13.
Share on Facebook
Facebook Twitter WhatsApp Email
We use cookies to improve your experience on our site.
Sign up for our morning newsletter
Previous article
https://example.com/politics/senate-vote
"""


def test_ingest_clean_english_debris(clean) -> None:
    doc = cleaned(clean, PAGE_EN)
    assert paragraph_texts(doc)[0] == ("title", "Senate passes stopgap bill hours before shutdown deadline")
    assert [t for _, t in paragraph_texts(doc)[1:]] == [
        "The Senate approved a short-term spending bill late on Friday, sending it to the president.",
        "The vote was 77 to 13.",
    ]
    r = reasons(doc)
    assert r["Friday, March 22, 2024"] == "date-line"
    assert r["Read more: House Republicans split over Ukraine aid package"] == "related-link"
    assert r["Share on Facebook"] == "share"
    assert r["Facebook Twitter WhatsApp Email"] == "share"
    assert r["We use cookies to improve your experience on our site."] == "cookie"
    assert r["Sign up for our morning newsletter"] == "subscribe"
    assert r["Previous article"] == "navigation"
    assert r["https://example.com/politics/senate-vote"] == "link"
    assert doc.meta["date_line"] == "Friday, March 22, 2024"


PAGE_FR = """Le Premier ministre annonce un remaniement

L'essentiel
Le chef du gouvernement a présenté lundi une équipe resserrée de quinze ministres.

Lire aussi
Les syndicats appellent à une nouvelle journée de grève

« Nous avons besoin de stabilité », a-t-il déclaré devant la presse.
Partager
Nous utilisons des cookies pour mesurer l'audience.
« Précédent
Suivant »
"""


def test_ingest_clean_french_debris(clean) -> None:
    doc = cleaned(clean, PAGE_FR)
    assert [t for _, t in paragraph_texts(doc)] == [
        "Le Premier ministre annonce un remaniement",
        "Le chef du gouvernement a présenté lundi une équipe resserrée de quinze ministres.",
        "« Nous avons besoin de stabilité », a-t-il déclaré devant la presse.",
    ]
    r = reasons(doc)
    assert r["L'essentiel"] == "kicker"
    assert r["Lire aussi"] == "related-link"
    assert r["Les syndicats appellent à une nouvelle journée de grève"] == "related-link"
    assert r["Partager"] == "share"
    assert r["« Précédent"] == "navigation" and r["Suivant »"] == "navigation"


PAGE_ES = """El Gobierno aprueba el decreto de vivienda

El Consejo de Ministros aprobó este martes el decreto que limita el precio del alquiler.
Lea también: La oposición recurrirá la ley ante el Constitucional
Compartir
Utilizamos cookies propias y de terceros.
Suscríbete a nuestro boletín diario
Noticia anterior
"""

PAGE_DE = """Bundestag beschließt neues Wehrdienstgesetz

Der Bundestag hat am Donnerstag mit den Stimmen der Koalition das neue Wehrdienstgesetz beschlossen.
Lesen Sie auch:
Opposition kritisiert Kosten der Reform
Teilen
Wir verwenden Cookies, um unsere Website zu verbessern.
Newsletter abonnieren
Zurück
"""


@pytest.mark.parametrize(
    ("page", "body", "gone"),
    [
        (
            PAGE_ES,
            "El Consejo de Ministros aprobó este martes el decreto que limita el precio del alquiler.",
            {
                "Lea también: La oposición recurrirá la ley ante el Constitucional": "related-link",
                "Compartir": "share",
                "Utilizamos cookies propias y de terceros.": "cookie",
                "Suscríbete a nuestro boletín diario": "subscribe",
                "Noticia anterior": "navigation",
            },
        ),
        (
            PAGE_DE,
            "Der Bundestag hat am Donnerstag mit den Stimmen der Koalition das neue Wehrdienstgesetz beschlossen.",
            {
                "Lesen Sie auch:": "related-link",
                "Opposition kritisiert Kosten der Reform": "related-link",
                "Teilen": "share",
                "Wir verwenden Cookies, um unsere Website zu verbessern.": "cookie",
                "Newsletter abonnieren": "subscribe",
                "Zurück": "navigation",
            },
        ),
    ],
)
def test_ingest_clean_spanish_and_german_debris(clean, page: str, body: str, gone: dict[str, str]) -> None:
    doc = cleaned(clean, page)
    assert [k for k, _ in paragraph_texts(doc)] == ["title", "body"]
    assert paragraph_texts(doc)[1][1] == body
    assert {k: v for k, v in reasons(doc).items() if k in gone} == gone


PAGE_EMBED = """Kyiv says drones hit a refinery in southern Russia

Ukraine's military said on Tuesday that its drones had struck an oil refinery overnight.

Our forces hit the refinery that supplies fuel to the army. pic.twitter.com/abc123

— General Staff of the Armed Forces (@GeneralStaffUA) May 14, 2024

Russia's defence ministry said it had shot down most of the drones.
"""


def test_ingest_clean_embedded_post_is_one_flagged_paragraph(clean) -> None:
    doc = cleaned(clean, PAGE_EMBED)
    kinds = paragraph_texts(doc)
    assert kinds[2] == (
        "embedded",
        "Our forces hit the refinery that supplies fuel to the army. pic.twitter.com/abc123",
    )
    assert [k for k, _ in kinds] == ["title", "body", "embedded", "body"]
    assert reasons(doc)["— General Staff of the Armed Forces (@GeneralStaffUA) May 14, 2024"] == (
        "embedded-signature"
    )
    (post,) = doc.meta["embedded_posts"]
    assert post["handle"] == "GeneralStaffUA" and post["author"] == "General Staff of the Armed Forces"


def test_ingest_clean_reader_title_put_first_once(clean) -> None:
    raw = "Il Senato approva la riforma della giustizia con 104 voti favorevoli.\n"
    doc = cleaned(clean, raw, title="Giustizia, via libera del Senato")
    assert paragraph_texts(doc) == [
        ("title", "Giustizia, via libera del Senato"),
        ("body", "Il Senato approva la riforma della giustizia con 104 voti favorevoli."),
    ]
    doc = cleaned(
        clean, "Giustizia, via libera del Senato\n\n" + raw, title="Giustizia, via libera del Senato"
    )
    assert doc.text.count("Giustizia, via libera del Senato") == 1


def test_ingest_clean_single_paragraph_is_body_and_wraps_join(clean) -> None:
    doc = cleaned(
        clean, "Die Regierung in Wien hat am Montag ein neues Budget vorgelegt, das Einsparungen bei"
    )
    assert paragraph_texts(doc) == [
        ("body", "Die Regierung in Wien hat am Montag ein neues Budget vorgelegt, das Einsparungen bei")
    ]
    wrapped = (
        "La Commissione europea ha proposto nuove sanzioni contro\n"
        "la Russia, che colpiscono soprattutto il settore energetico.\n"
    )
    doc = cleaned(clean, "Nuove sanzioni Ue\n\n" + wrapped)
    assert paragraph_texts(doc)[1] == (
        "body",
        "La Commissione europea ha proposto nuove sanzioni contro la Russia, che colpiscono soprattutto il "
        "settore energetico.",
    )


def test_ingest_clean_normalises_whitespace(clean) -> None:
    doc = cleaned(clean, "Titolo   del\tpezzo\n\nUna   frase\u200b con  spazi.\r\n")
    assert doc.text == "Titolo del pezzo\n\nUna frase con spazi."


def test_ingest_clean_read_more_inside_a_sentence_is_kept(clean) -> None:
    raw = "Budget talks stall\n\nRead more carefully, the memo shows the plan was never costed.\n"
    doc = cleaned(clean, raw)
    assert "Read more carefully, the memo shows the plan was never costed." in doc.text


def test_ingest_clean_page_of_only_debris_is_rejected(clean) -> None:
    raw = "Condividi\nPREV Roma, chiude la metro C per lavori\n-\n"
    with pytest.raises(CasusError, match="no text left after removing page debris"):
        cleaned(clean, raw)
    (rej,) = Pipeline(Options(), until="clean").pipe([Doc(id="nav", raw=raw, origin="nav.txt")])
    assert isinstance(rej, Rejected) and rej.input == "nav.txt"
    assert rej.reason == "clean: no text left after removing page debris"


def test_ingest_clean_reader_title_with_site_name_matches_first_line(clean) -> None:
    raw = (
        "Elecciones en Chile: el oficialismo pierde el Senado\n"
        "La coalición de gobierno perdió la mayoría en la cámara alta tras el escrutinio del domingo.\n"
    )
    doc = cleaned(clean, raw, title="Elecciones en Chile: el oficialismo pierde el Senado | Diario del Sur")
    assert doc.title == "Elecciones en Chile: el oficialismo pierde el Senado"
    assert [k for k, _ in paragraph_texts(doc)] == ["title", "body"]
    assert doc.text.count("Elecciones en Chile") == 1


def test_ingest_clean_instagram_embed(clean) -> None:
    raw = (
        "La cantante annuncia il tour europeo\n\n"
        "La cantante ha annunciato sui social le date del suo tour europeo, che partirà da Milano.\n\n"
        "Visualizza questo post su Instagram\n\n"
        "Si riparte! Ci vediamo a Milano il 3 maggio 🎤\n"
        "Un post condiviso da Laura Bianchi (@laurabianchi_official)\n\n"
        "I biglietti saranno in vendita da venerdì.\n"
    )
    doc = cleaned(clean, raw)
    assert ("embedded", "Si riparte! Ci vediamo a Milano il 3 maggio 🎤") in paragraph_texts(doc)
    r = reasons(doc)
    assert r["Visualizza questo post su Instagram"] == "embed-label"
    assert r["Un post condiviso da Laura Bianchi (@laurabianchi_official)"] == "embedded-signature"
    assert doc.meta["embedded_posts"][0]["handle"] == "laurabianchi_official"


def test_ingest_clean_doc_with_only_text(clean) -> None:
    doc = clean(Doc(id="api", text="Il Parlamento europeo ha approvato la direttiva sul clima."))
    assert doc.text == "Il Parlamento europeo ha approvato la direttiva sul clima."
    assert [p.kind for p in doc.paragraphs] == ["body"]


def test_ingest_clean_photo_credits_and_labels(clean) -> None:
    raw = (
        "Merz trifft Macron in Paris\n\n"
        "Eilmeldung\n"
        "Foto: dpa | Kay Nietfeld\n"
        "Bundeskanzler Merz ist am Mittwoch zu seinem Antrittsbesuch nach Paris gereist.\n"
        "© Reuters\n"
        "Photo : AFP\n"
        "Die beiden wollen über die Verteidigung Europas sprechen.\n"
    )
    doc = cleaned(clean, raw)
    assert [t for _, t in paragraph_texts(doc)[1:]] == [
        "Bundeskanzler Merz ist am Mittwoch zu seinem Antrittsbesuch nach Paris gereist.",
        "Die beiden wollen über die Verteidigung Europas sprechen.",
    ]
    r = reasons(doc)
    assert r["Eilmeldung"] == "kicker"
    assert r["Foto: dpa | Kay Nietfeld"] == r["© Reuters"] == r["Photo : AFP"] == "credit"
