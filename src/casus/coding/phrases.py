"""Phrase-level cues that slot assignment (casus.coding.slots) reads: articles and the markers a gap between
a trigger and an actor ends with, places named after a locative preposition ("en Asunción": where, not whom),
asides that are not a subject (between hyphen-dashes, a participle apposition between commas), the head of a
genitive chain ("las embarcaciones del PMA de la ONU"), a subject placed after its verb ("murieron tres
soldados"), a Spanish noun written like its verb ("EJÉRCITO DENUNCIA ..."), and agents after a participle or
a membership noun ("convocada por X", "por miembros de X").
"""

from __future__ import annotations

import re

from casus.coding.triggers import Lexicon, lang_defaults
from casus.doc import Doc, Mention, Sentence

ARTICLES = frozenset(
    [
        "il",
        "lo",
        "la",
        "i",
        "gli",
        "le",
        "l",
        "un",
        "uno",
        "una",
        "the",
        "a",
        "an",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "el",
        "los",
        "las",
        "lo",
        "unos",
        "unas",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "its",
        "their",
        "sus",
        "su",
        "seu",
        "sua",
    ]
)


def norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("`", "'")


def gap_text(doc: Doc, start: int, end: int) -> str:
    return norm(doc.text[start:end]).strip(" \"“”«»'*#@")


def verbal_noun(doc: Doc, lex: Lexicon, trig, before: list[Mention], t_start: int) -> bool:
    """A Spanish noun trigger that is the verb of its clause: a present-tense form written like the noun
    ("EJÉRCITO HAITIANO DENUNCIA ACTITUD DE ...", "la guerrilla amenaza a los alcaldes"), right after an
    actor with no determiner between. Its object need not follow a preposition."""
    if trig.pos != "noun" or lex.lang != "es" or not before:
        return False
    word = norm(doc.text[t_start:].split(maxsplit=1)[0]) if doc.text[t_start:].strip() else ""
    if not word.endswith(VERB_ENDINGS_ES):
        return False  # "el ejército serbio MORTEROS de 120 mm": a plural noun is no verb
    return doc.text[before[-1].end : t_start].strip() == ""


VERB_ENDINGS_ES = ("a", "e", "an", "en")  # present tense, third person: denuncia, amenaza, condenan
OBLIQUE_ES = frozenset({"por", "en", "para", "desde", "sobre", "tras", "durante", "ante"})


def verbal_object(gap: str) -> bool:
    """The words between a verbal noun and an actor leave it the object ("a los alcaldes", "actitud de
    algunos"): no preposition that opens an adjunct ("por restricción a ...", "en Bogotá")."""
    return not OBLIQUE_ES & set(gap.replace(",", " ").split())


def genitive_head(doc: Doc, lex: Lexicon, cands: list[Mention], m: Mention) -> Mention:
    """The head of a chain of genitives ("las embarcaciones del PMA DE LA ONU fueron asaltadas"): the actor
    the nearest one hangs from, joined to it by "de/del/de la" alone."""
    if lex.lang != "es":
        return m
    of = set(lex.defaults["of"])
    pos = cands.index(m)
    while pos > 0 and gap_text(doc, cands[pos - 1].end, cands[pos].start) in of:
        pos -= 1
    return cands[pos]


POSTPOSED_WORDS = 3  # "murieron tres soldados", "falleció el periodista": the subject right after the verb


def postposed_subject(
    doc: Doc, lex: Lexicon, after: list[Mention], t_end: int, cause: Mention | None
) -> Mention | None:
    """The subject of an intransitive verb placed after it ("murieron tres soldados a manos de X"): the first
    actor after the verb with only a determiner or a count between, before the cause."""
    stop = set(lex.defaults["target"]) | set(lex.defaults["agent"]) | set(lex.defaults["of"])
    stop |= set(lex.defaults["clause_break"])
    for m in after:
        if cause is not None and m.start >= cause.start:
            return None
        gap = doc.text[t_end : m.start]
        words = norm(gap).split()
        if any(ch in gap for ch in ",;:()") or len(words) > POSTPOSED_WORDS or stop & set(words):
            return None
        return m
    return None


DASH_ASIDE = re.compile(r"(?<=\s)-(?=\w)[^-\n]{1,150}?(?<=\w)-(?=[\s,.;:])")
COMMA_ASIDE = re.compile(r",\s+(\w+)[^,;:.\n]{0,60},")


# Words that open an English aside between commas: an apposition ("X, a critic of Y,"), a relative clause
# ("X, who ...,"), help from others ("Afghan forces, backed by US airstrikes,", "rebels, including fighters
# from Y,"), a source ("police, according to witnesses,"). Not "led by" or "planted by": who leads or plants
# a bomb is who acts.
ASIDE_OPENERS = {
    "en": frozenset(
        {
            "a",
            "an",
            "who",
            "whom",
            "whose",
            "which",
            "including",
            "among",
            "according",
            "alongside",
            "along",
            "together",
            "reportedly",
            "allegedly",
            "backed",
            "supported",
            "aided",
            "assisted",
            "helped",
            "accompanied",
            "escorted",
            "flanked",
            "joined",
            "funded",
            "sponsored",
            "allied",
        }
    )
}


def asides(doc: Doc, sent: Sentence, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of asides inside a sentence: between dashes written as hyphens ("varios cientos de israelíes -la
    mayoría colonos- marcharon"), and an apposition between commas that opens with a participle ("los
    partidarios de X, refugiado en Brasil, reclamaron")
    or, in English, with an article, a relative pronoun or another ASIDE_OPENERS word."""
    text = doc.text[sent.start : sent.end]
    spans = [(sent.start + m.start(), sent.start + m.end()) for m in DASH_ASIDE.finditer(text)]
    endings = tuple(lex.defaults["participle"]) if lex.lang == "es" else ()
    openers = ASIDE_OPENERS.get(lex.lang, frozenset())
    for m in COMMA_ASIDE.finditer(text):
        word = m.group(1).lower()
        if (endings and word.endswith(endings) and len(word) > 4) or word in openers:
            spans.append((sent.start + m.start(), sent.start + m.end()))
    return spans


CITY_KINDS = frozenset({"place", "capital"})


def grammar_list(lex: Lexicon, key: str) -> tuple[str, ...]:
    """A list of data/grammar/markers.yaml for the lexicon's language that the trigger lexicons do not carry."""
    return tuple(lang_defaults().get(lex.lang, {}).get(key, ()))


# Languages whose target markers keep a locative preposition (English "in": some gold sets take a city as
# the target of an action "in" it), but where a city right after that preposition is still only where a
# meeting is held: "EU leaders meeting in Brussels", "the talks in Geneva" (consultations, 04x, but not a
# visit, 042, nor hosting one, 043, whose city names the visited side).
MEETING_PLACE = {"en": ("in",)}
MEETING_NOT_WHERE = ("042", "043")


def is_where(lex: Lexicon, trig, m: Mention, gap: str) -> bool:
    """A city after a locative preposition ("en Asunción", "desde Montevideo") says where the event took place:
    it is no target, unless the trigger's own target prepositions name that preposition."""
    if m.kind not in CITY_KINDS:
        return False
    cameo = str(getattr(trig, "cameo", ""))
    # a meeting, or what two sides do together (sign, agree, talk: symmetric triggers), is held somewhere
    meeting = (cameo.startswith("04") and not cameo.startswith(MEETING_NOT_WHERE)) or bool(
        getattr(trig, "symmetric", False)
    )
    if meeting and gap.strip() in MEETING_PLACE.get(lex.lang, ()):
        return True
    static = grammar_list(lex, "locative")
    words = gap.split()
    markers = set(lex.defaults["target"]) - set(static)
    # "en la Ciudad Vieja de Montevideo" is a place still; "en protesta contra Moscú" is not
    opens = bool(words) and words[0] in static and not markers & set(words[1:])
    if not static or not (ends_with(static, gap) or opens):
        return False
    return not (trig.target and ends_with(trig.target, gap))


def agent_tail(lex: Lexicon, gap: str) -> bool:
    """The gap ends with an agent marker and at most an article ("el viernes por los", "by the"), so an
    adverbial may stand between a passive verb and its agent; "por informe de" does not end with one."""
    if ends_with(lex.defaults["agent"], gap):
        return True
    words = gap.replace("'", " ").split()
    if words and words[-1] in ARTICLES:
        words = words[:-1]
    for member in grammar_list(lex, "member"):  # "por miembros de un grupo armado": the group is the agent
        n = len(member.split())
        if " ".join(words[-n:]) == member and len(words) > n:
            return ends_with(lex.defaults["agent"], " ".join(words[:-n]))
    return False


PARTICIPLE_AGENT_WORDS = 2  # "fue convocada", "organizado" before "por": who organised an event noun


def participle_agent(lex: Lexicon, gap: str) -> bool:
    """After an event noun, a participle and an agent marker name who did it ("el paro, convocado por X", "la
    marcha fue organizada por X"): at most an auxiliary before the participle, an article after the marker."""
    words = gap.replace("'", " ").replace(",", " ").split()
    if words and words[-1] in ARTICLES:
        words = words[:-1]
    endings = tuple(lex.defaults["participle"])
    for marker in lex.defaults["agent"]:
        n = len(marker.split())
        if " ".join(words[-n:]) != marker:
            continue
        head = words[:-n]
        if 1 <= len(head) <= PARTICIPLE_AGENT_WORDS and endings and head[-1].endswith(endings):
            aux = set(lex.defaults["passive_aux"])
            return all(w in aux for w in head[:-1])
    return False


def ends_with(markers, gap: str) -> bool:
    """The gap ends with one of the markers and at most an article ("ancora di più alla", "outside the")."""
    words = gap.replace("'", " ").split()
    if words and words[-1] in ARTICLES:
        words = words[:-1]
    wanted = {m.replace("'", " ").strip() for m in markers}
    return any(" ".join(words[-k:]) in wanted for k in range(1, min(4, len(words)) + 1))


WHERE_PHRASE_WORDS = 4  # "وفي بلدة بيت حانون", "in the town of X": words from the locative to the place
WHERE_CHAIN_WORDS = 2  # "X شمال Y", "X, near Y": a place that continues a place phrase


def where_before(doc: Doc, lex: Lexicon, trig, before: list[Mention], m: Mention, lo: int) -> bool:
    """A place named before the verb inside a locative phrase ("وفي بلدة بيت حانون شمال قطاع غزة اطلقت دبابة
    ..."): where it happened, not its subject. The phrase opens with a locative a few words before the place,
    or the place continues such a phrase ("X north of Y"). `lo`: where the clause starts."""
    if m.kind not in PLACE_KINDS or not grammar_list(lex, "locative"):
        return False
    pos = before.index(m) if m in before else -1
    prev = before[pos - 1] if pos > 0 else None
    start = max(lo, prev.end) if prev is not None and prev.end > lo else lo
    gap = gap_text(doc, start, m.start)
    words = gap.split()
    if any(ch in gap for ch in ",;:()") or len(words) > WHERE_PHRASE_WORDS:
        return False
    static = grammar_list(lex, "locative")
    markers = set(lex.defaults["target"]) - set(static)
    opens = bool(words) and words[0] in static and not markers & set(words[1:])
    if (opens or ends_with(static, gap)) and not (trig.target and ends_with(trig.target, gap)):
        return True  # a country after a locative is where too ("وفي العراق قتل ...")
    chained = prev is not None and prev.end > lo and len(words) <= WHERE_CHAIN_WORDS
    return chained and where_before(doc, lex, trig, before, prev, lo)


PLACE_KINDS = frozenset({"place", "capital", "country"})
