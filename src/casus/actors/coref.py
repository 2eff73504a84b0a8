"""Light coreference inside a document: what has been named so far (`Memory`), and the phrases that refer
back to it: "i due paesi" / "the two countries" (the last two countries named, as Mention.members), "la stessa
fonte" / "the same source" (the last actor cited as a source, after "secondo", "according to", ...), and a
document's home country for its bare domestic roles. Organisation words ("l'Alleanza" after NATO), a bare
title ("il presidente" after one president) and seat cities ("Bruxelles" after the EU) are resolved in
compose.py from the same memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from casus.doc import Mention

# roles that take the country of a one-country document ("i militari" in a story about Colombia only)
DOMESTIC_ROLES = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "REB",
    "UAF",
    "PTY",
    "SPY",
    "CVL",
    "AGR",
    "LAB",
    "EDU",
    "BUS",
    "MED",
    "HLH",
    "CRM",
    "REL",
    "ELI",
}

# an organisation coded by its sector only (---LAB) is one of several countries' organisations of that name
SECTOR_ROLES = {"LAB", "AGR", "BUS", "EDU", "MED", "PTY"}

# a role qualified as foreign or international is no domestic actor ("قوات أجنبية", "القوات الدولية")
FOREIGN_WORDS = ("اجنبي", "اجانب", "دولي", "foreign", "international", "etranger", "extranjer", "stranier")


def _foreign(text: str) -> bool:
    from casus.actors.fold import fold

    folded = fold(text)
    return any(w in folded for w in FOREIGN_WORDS)


@dataclass
class Memory:
    """What the document has said so far, for coreference."""

    persons: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    countries: list[str] = field(default_factory=list)
    heads: dict[str, list[Mention]] = field(default_factory=dict)
    last_source: Mention | None = None
    located: set[str] = field(default_factory=set)  # countries named as a place or a domestic actor
    datelines: list[Mention] = field(default_factory=list)  # "Wien –": no actor, but where the story is


def coref_phrase(
    flags: frozenset[str], start: int, end: int, sent_index: int, text: str, memory: Memory, rule: str
) -> Mention | None:
    if "two_countries" in flags:
        members: list[str] = []
        for code in reversed(memory.countries):
            if code not in members:
                members.append(code)
            if len(members) == 2:
                break
        if len(members) < 2:
            return None
        members.reverse()
        return Mention(
            start,
            end,
            text[start:end],
            members[0],
            sent_index,
            kind="coref",
            country=members[0],
            rule=f"{rule} > the last two countries named",
            members=members,
        )
    if "same_source" in flags and memory.last_source is not None:
        src = memory.last_source
        return refer_back(src, start, end, text, sent_index, f"{rule} > the last source cited ({src.text})")
    return None


def refer_back(antecedent: Mention, start: int, end: int, text: str, sent_index: int, rule: str) -> Mention:
    """A mention of text[start:end] that refers back to `antecedent`: its code and identity, kind "coref"."""
    return Mention(
        start,
        end,
        text[start:end],
        antecedent.code,
        sent_index,
        kind="coref",
        country=antecedent.country,
        org=antecedent.org,
        role=antecedent.role,
        name=antecedent.name,
        rule=rule,
    )


def home_country(
    mentions: list[Mention],
    located: set[str],
    places: Callable[[], tuple[str, list[str]] | None] | None = None,
) -> None:
    """A document that names one country and no other, as a place or through its own actors ("a Bogotá",
    "la policía colombiana", "las FARC", a Colombian minister): its bare domestic roles (---MIL) take that
    country. A country named only as an actor from outside ("Estados Unidos condenaron ...") is not enough.
    Organisations do not count, except one known by its sector only because several countries have one of
    that name (the CGT, ---LAB: in a story about Argentina only, Argentina's); refugees, NGOs and IGOs never
    take a country this way.
    A document that names no country at all takes the one country its places point to, when `places` (called
    only then) gives one: (country, the place names that gave it), e.g. ("COL", ["ANTIOQUIA"]).
    """
    named = {m.country for m in mentions if m.country and m.kind != "coref"}
    for m in mentions:
        named.update(x for x in m.members if len(x) == 3)
    why = ""
    if not named and places is not None:
        found = places()
        if found is None:
            return
        home, names = found
        why = f", from places: {', '.join(names[:3])}"
    elif len(named) != 1 or not (named & located):
        return
    else:
        home = next(iter(named))
    for m in mentions:
        if (
            m.code.startswith("---")
            and (m.kind == "role" or (m.kind == "group" and m.code[3:6] in SECTOR_ROLES))
            and m.code[3:6] in DOMESTIC_ROLES
            and not _foreign(m.text)
        ):
            m.code = home + m.code[3:]
            m.country = home
            m.rule = f"{m.rule} > the document's only country ({home}{why})"
