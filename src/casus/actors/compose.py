"""From atoms to actor mentions: bind adjectives and "of"-phrases to their role noun, merge a title with the
name that follows it, resolve people on the document's date and light coreference inside the document.

Rules, in order, on the atoms of one sentence (longest non-overlapping first):
1. role + demonym (it/fr/es: "soldati nordcoreani", "forze russe") and demonym/country/organisation + role
   (en/de/ru: "the South Korean intelligence agency", "die russische Armee", "Russia's foreign minister",
   "NATO Secretary General") -> one mention, the country's code with the role (PRKMIL, KORSPY, RUSGOV).
2. role + connector + country/organisation/bound role ("l'agenzia di intelligence della Lituania",
   "soldati delle forze speciali bielorusse", "il segretario generale della NATO"), innermost first.
3. title + person ("il presidente russo Vladimir Putin", "il presidente francese (Emmanuel Macron)"):
   one mention named for the person; its code is the person's office on the date (else the title's).
4. title + an unknown capitalised name: the name is kept with the title's code.
Then each part becomes a Mention; see `Composer.finish`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from casus.actors.coref import SECTOR_ROLES, Memory, coref_phrase, refer_back
from casus.actors.entries import Entry, primary_of
from casus.actors.gazetteer import Atom
from casus.doc import Mention

ROMANCE = {"it", "fr", "es", "pt", "ro", "ca", "ar"}  # the adjective follows its noun
PRENOMINAL = {"en", "de", "ru", "nl"}  # the adjective precedes its noun
# which entry wins when several share one span
_PRIORITY = {
    "user": 0,
    "person": 1,
    "group": 2,
    "igo": 3,
    "seat": 4,
    "country": 5,
    "capital": 6,
    "place": 6,
    "demonym": 7,
    "role": 8,
    "coref": 9,
    "surname": 10,
}
_NAME = re.compile(r"\s+\(?([A-ZÀ-ÝĀ-Ž][\w'’.-]+(?:\s+[A-ZÀ-ÝĀ-Ž][\w'’.-]+){1,2})\)?")
_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "On", "In", "The"}


@dataclass
class Part:
    start: int
    end: int
    kind: str
    base: str | None = None  # country ISO3, IGO/NGO code, or a full group code
    role: str | None = None
    org: str | None = None
    name: str | None = None
    code: str | None = None  # set for people and dated groups (resolved)
    title: bool = False
    head: str | None = None
    bound_only: bool = False
    role_headed: bool = False
    coref: bool = False
    flags: frozenset[str] = frozenset()
    rules: list[str] = field(default_factory=list)
    why: str = ""  # how a person or dated group was resolved
    adjective: bool = False  # a country name that can also be read as the country's adjective


# title classes (roles.yaml heads) of people who head a body: "the president of the union" is the union's
ORG_HEADS = frozenset({"president", "leader", "secretary_general"})


def _open(part: Part) -> bool:
    """A role with no country yet ("i soldati"), or an organisation known by its sector only (the CGT of
    several countries, ---LAB): an adjective or "of X" after it gives its country ("la CGT argentina").
    Armed groups with no country (Islamic State) stay as they are."""
    return part.base is None and (part.kind == "role" or (part.kind == "group" and part.role in SECTOR_ROLES))


def compose_code(base: str | None, role: str | None) -> str:
    if not base:
        return "---" + (role or "")
    if base.startswith(("IGO", "NGO")):
        return base if role in (None, "GOV") else base + role
    if len(base) == 3:
        return base + (role or "")
    return base  # a group code already carries its role


class Composer:
    """Turns one sentence's atoms into mentions. Built once per stage; `Memory` is per document."""

    def __init__(
        self, grammar: dict[str, dict[str, list[str]]], igo_seats: dict[str, tuple[str, str]] | None = None
    ):
        self.igo_seats = igo_seats or {}
        self.connectors = {
            lang: re.compile("|".join(f"(?:{p})" for p in pats))
            for lang, pats in grammar.get("connectors", {}).items()
        }
        any_conn = [p for pats in grammar.get("connectors", {}).values() for p in pats if p != r"\s+"]
        self.connectors["*"] = re.compile("|".join(f"(?:{p})" for p in any_conn))
        self.determiners = {
            lang: re.compile(r"(?<![\w'])(" + "|".join(re.escape(w) for w in words) + r")\s*$")
            for lang, words in grammar.get("determiners", {}).items()
        }
        # "in Kenya", "in the Ivory Coast": an article may stand between the preposition and the place
        articles = {
            lang: "|".join(re.escape(w) for w in words)
            for lang, words in grammar.get("determiners", {}).items()
        }
        self.locatives = {
            lang: re.compile(
                r"(?<![\w'])("
                + "|".join(re.escape(w) for w in words)
                + r")\s+"
                + (f"(?:(?:{articles[lang]})\\s+)?$" if lang in articles else "$")
            )
            for lang, words in grammar.get("locatives", {}).items()
        }
        self.conjunctions = {
            lang: re.compile(r"\s*,\s*|\s+(?:" + "|".join(re.escape(w) for w in words) + r")\s+")
            for lang, words in grammar.get("conjunctions", {}).items()
        }
        self.attribution = {
            lang: re.compile(
                r"(?<![\w'])(" + "|".join(re.escape(w) for w in words) + r")\s+(?:\S+'|\w+\s+)?$"
            )
            for lang, words in grammar.get("attribution", {}).items()
        }

    # ---- atoms -> parts -------------------------------------------------------------------------
    def part_of(self, atom: Atom, day: date | None, memory: Memory, earlier_orgs: set[str]) -> Part | None:
        def rank(e: Entry) -> tuple[int, int, date]:
            # several people share a form ("Bush"): the one in office on the date, else the latest
            if e.person is None:
                return (_PRIORITY.get(e.kind, 20), 0, date.min)
            res = e.person.resolve(day)
            end = res.tenure.end or date.max if res.tenure else date.min
            return (
                _PRIORITY.get(e.kind, 20),
                0 if res.how == "in office" else 1,
                date.max - (end - date.min),
            )

        for entry in sorted(atom.entries, key=rank):
            part = self._part_from_entry(entry, atom, day, memory, earlier_orgs)
            if part is not None:
                # "POLICIA PALESTINA": a country name that is also the adjective (Palestina/palestina)
                part.adjective = part.kind == "country" and any(
                    e.kind == "demonym" and e.code == part.base for e in atom.entries
                )
                return part
        return None

    def _part_from_entry(
        self, e: Entry, atom: Atom, day: date | None, memory: Memory, earlier_orgs: set[str]
    ) -> Part | None:
        s, t = atom.start, atom.end
        rule = e.source or e.kind
        if e.kind in ("person", "surname", "user") and (e.person is not None or e.tenures):
            if e.kind == "surname" and (e.person is None or e.person.name not in memory.persons):
                return None
            res = e.resolve(day)
            name = e.person.name if e.person else e.form
            base = primary_of(res.code) if not res.code.startswith("---") else None
            role = None if (base is None or base.startswith(("IGO", "NGO"))) else (res.code[3:6] or None)
            if base and not base.startswith(("IGO", "NGO")) and len(res.code) > 6:
                base, role = res.code, None
            kind = "person" if e.person is not None else e.kind
            return Part(
                s,
                t,
                kind,
                base=base,
                role=role,
                name=name,
                code=res.code,
                rules=[rule],
                why=f"{res.how}: {res.tenure.describe() if res.tenure else res.code}",
            )
        if e.kind in ("group", "user"):
            res = e.resolve(day)
            code = res.code
            base = code if len(code) > 3 and not code.startswith(("IGO", "NGO")) else primary_of(code)
            why = f"{res.how}: {res.tenure.describe()}" if res.tenure else ""
            return Part(
                s,
                t,
                e.kind,
                base=None if base.startswith("---") else base,
                org=e.org,
                code=code,
                role=code[3:6] if code.startswith("---") else None,
                rules=[rule],
                why=why,
            )
        if e.kind == "igo":
            return Part(s, t, "igo", base=e.code, org=e.org, rules=[rule])
        if e.kind == "seat":
            return Part(s, t, "seat", base=e.code[:3], role=e.role, role_headed=True, rules=[rule])
        if e.kind in ("country", "capital", "demonym", "place"):
            return Part(s, t, e.kind, base=e.code, rules=[rule])
        if e.kind == "role":
            return Part(
                s,
                t,
                "role",
                role=e.role,
                title=e.title,
                head=e.head,
                bound_only=e.bound_only,
                role_headed=True,
                rules=[rule],
            )
        if e.kind == "coref":
            if "igo" in e.flags:
                if e.code not in memory.orgs and e.code not in earlier_orgs:
                    return None
                return Part(
                    s,
                    t,
                    "coref",
                    base=e.code,
                    org=e.org,
                    coref=True,
                    role_headed=True,
                    rules=[rule + " (after the organisation was named)"],
                )
            return Part(s, t, "coref", flags=e.flags, coref=True, role_headed=True, rules=[rule])
        return None

    # ---- binding rules ----------------------------------------------------------------------------
    def bind(self, parts: list[Part], folded: str, text: str, lang: str | None, offset: int) -> list[Part]:
        def gap(a: Part, b: Part) -> str:
            return folded[a.end - offset : b.start - offset]

        parts = self._pairwise(parts, gap, self._adjective_rule(lang))
        self._coordinate(parts, gap, lang)
        conn = self.connectors.get(lang or "*", self.connectors["*"])
        # innermost first: "soldati delle [forze speciali nordcoreane]"
        i = len(parts) - 2
        while i >= 0:
            a, b = parts[i], parts[i + 1]
            bindable = (
                _open(a) and bool(b.base) and b.kind != "person" and (a.kind == "role" or b.kind != "group")
            )
            heads_org = a.kind == "role" and a.role == "GOV" and (a.bound_only or a.head in ORG_HEADS)
            if bindable and conn.fullmatch(gap(a, b)):
                role = b.role if ((a.bound_only or heads_org) and b.role) else a.role
                parts[i : i + 2] = [
                    self._merge(a, b, base=b.base, role=role, org=b.org, rule="role+of+actor")
                ]
                if b.coref:
                    parts[i].coref = True
            elif (
                heads_org
                and a.base is None
                and b.kind == "role"
                and b.base is None
                and b.role not in (None, "GOV")
                and conn.fullmatch(gap(a, b))
            ):
                # "el presidente del sindicato", "el jefe de la policía": the head of a body has its sector
                parts[i : i + 2] = [
                    self._merge(a, b, base=None, role=b.role, org=b.org, rule="head+of+sector")
                ]
            i -= 1
        parts = self._pairwise(parts, gap, self._title_rule(text, offset))
        return self._unknown_names(parts, text, offset)

    def _coordinate(self, parts: list[Part], gap, lang: str | None) -> None:
        """ "Hungarian and Romanian officials", "soldati russi e bielorussi": the role goes to each demonym."""
        conj = self.conjunctions.get(lang or "")
        if conj is None:
            return
        if lang in PRENOMINAL:
            for i in range(len(parts) - 2, -1, -1):
                a, b = parts[i], parts[i + 1]
                if (
                    a.kind == "demonym"
                    and b.kind == "role"
                    and b.base
                    and b.role
                    and conj.fullmatch(gap(a, b))
                ):
                    a.kind, a.role, a.title, a.head = "role", b.role, b.title, b.head
                    a.rules.append("demonym, and demonym+role")
        else:
            for i in range(len(parts) - 1):
                a, b = parts[i], parts[i + 1]
                bound = (
                    a.kind == "role"
                    and a.base
                    and a.role
                    and any(r.startswith("role+demonym") for r in a.rules)
                )
                if bound and b.kind == "demonym" and conj.fullmatch(gap(a, b)):
                    b.kind, b.role = "role", a.role
                    b.rules.append("role+demonym, and demonym")

    @staticmethod
    def _pairwise(parts: list[Part], gap, rule) -> list[Part]:
        out: list[Part] = []
        for part in parts:
            if out:
                merged = rule(out[-1], part, gap(out[-1], part))
                if merged is not None:
                    out[-1] = merged
                    continue
            out.append(part)
        return out

    def _adjective_rule(self, lang: str | None):
        romance = lang is None or lang in ROMANCE
        prenominal = lang is None or lang in PRENOMINAL

        def rule(a: Part, b: Part, g: str) -> Part | None:
            possessive = prenominal and g in ("'s ", "' ") and a.kind in ("country", "igo")
            # "Islamic State group militants": the group's own word between its name and the role noun
            group_word = prenominal and a.kind == "group" and g.strip().lower() in ("group", "movement")
            if g.strip() and not possessive and not group_word:
                return None
            adjectival = b.kind == "demonym" or (b.kind == "country" and b.adjective)
            if (
                lang in ROMANCE
                and a.kind == "demonym"
                and b.kind == "demonym"
                and a.base
                and not g.strip()
                and a.rules[-1:] != ["demonym+demonym"]
            ):
                # "los serbios bosnios", "i curdi iracheni": the noun names the people, the adjective where they
                # live; the people's code
                return self._merge(a, b, base=a.base, role=a.role, rule="demonym+demonym")
            if romance and _open(a) and adjectival and not g.strip():
                return self._merge(a, b, base=b.base, role=a.role, rule="role+demonym")
            if (
                prenominal
                and b.kind == "role"
                and b.base is None
                and a.kind in ("demonym", "country", "igo", "group", "seat")
            ):
                if a.kind in ("country", "igo", "group", "seat") and lang not in ("en", "de", None):
                    return None
                base = a.base
                merged = self._merge(
                    a,
                    b,
                    base=base,
                    # a group keeps its own code; one with no country ("Islamic State", ---REB) its role
                    role=b.role if a.kind != "group" else (a.role if a.base is None else None),
                    org=a.org,
                    rule="demonym+role" if a.kind == "demonym" else "actor+role",
                )
                merged.kind, merged.title, merged.head, merged.role_headed = "role", b.title, b.head, True
                if a.kind == "group" and a.base is None:
                    merged.kind = "group"  # "Islamic State militants": no country of the place it acts in
                return merged
            return None

        return rule

    def _title_rule(self, text: str, offset: int):
        def rule(a: Part, b: Part, g: str) -> Part | None:
            if not (a.kind == "role" and a.title and b.kind == "person"):
                return None
            if g.strip() not in (
                "",
                "(",
                ",",
            ):  # "il presidente russo (Vladimir Putin)", "El presidente, Pedro Sánchez"
                return None
            end = b.end
            if "(" in g and text[end - offset : end - offset + 1] == ")":
                end += 1
            in_office = b.why.startswith("in office")
            if in_office or a.base is None:
                base, role, code = b.base, b.role, b.code
            else:
                base, role, code = a.base, a.role, None
            merged = self._merge(a, b, base=base, role=role, rule="title+person")
            merged.end, merged.kind, merged.name, merged.code, merged.why = end, "person", b.name, code, b.why
            merged.title = False
            return merged

        return rule

    def _unknown_names(self, parts: list[Part], text: str, offset: int) -> list[Part]:
        for idx, a in enumerate(parts):
            if not (a.kind == "role" and a.title and a.name is None):
                continue
            m = _NAME.match(text, a.end - offset)
            if not m or m.group(1).split()[0] in _NOT_NAMES:
                continue
            nxt = parts[idx + 1].start if idx + 1 < len(parts) else None
            end = m.end() + offset
            if nxt is not None and nxt < end:
                continue
            a.name, a.end = m.group(1), end
            a.rules.append("title+name")
        return parts

    @staticmethod
    def _merge(
        a: Part, b: Part, base: str | None, role: str | None, rule: str, org: str | None = None
    ) -> Part:
        return Part(
            a.start,
            b.end,
            a.kind,
            base=base,
            role=role,
            org=org or a.org or b.org,
            title=a.title,
            head=a.head,
            bound_only=False,
            role_headed=a.role_headed,
            coref=a.coref or b.coref,
            rules=a.rules + b.rules + [rule],
            why=a.why or b.why,
            name=a.name or b.name,
            code=None,
        )

    # ---- parts -> mentions --------------------------------------------------------------------------
    def finish(
        self,
        part: Part,
        sent_index: int,
        text: str,
        folded: str,
        lang: str | None,
        sent_start: int,
        memory: Memory,
    ) -> Mention | None:
        rule = " > ".join(part.rules)
        start = part.start
        if part.role_headed:
            det = self.determiners.get(lang or "", None)
            if det is not None:
                m = det.search(folded, max(sent_start, start - 8), start)
                if m:
                    start = m.start(1)
        if part.kind == "coref" and part.base is None:
            return coref_phrase(part.flags, start, part.end, sent_index, text, memory, rule)
        if part.kind == "role" and part.base is None:
            heads = memory.heads.get(part.head or "", [])
            if part.head and len({(h.code, h.name) for h in heads}) == 1 and not part.name:
                h = heads[-1]
                return refer_back(
                    h, start, part.end, text, sent_index, f"{rule} > same {part.head} as before ({h.text})"
                )
            if part.bound_only and not part.name:
                return None
        code = part.code or compose_code(part.base, part.role)
        kind = part.kind
        if part.coref:
            kind = "coref"
        if kind == "capital":
            loc = self.locatives.get(lang or "", None)
            seat = self.igo_seats.get(folded[start : part.end].strip())
            if loc is not None and loc.search(folded, max(sent_start, start - 12), start):
                kind, rule = "place", rule + " > after a locative preposition: a place"
            elif seat is not None and seat[0] in memory.orgs:
                code, kind, part.org = seat[0], "coref", seat[1]
                rule += f" > the seat of {seat[1]}, named earlier"
        prim = primary_of(code)
        country = prim if len(prim) == 3 and not prim.startswith("---") else None
        org = part.org if prim.startswith(("IGO", "NGO")) or part.kind in ("group", "igo") else part.org
        role = (
            code[3:6]
            if not prim.startswith(("IGO", "NGO")) and len(code) >= 6
            else (part.role if prim.startswith(("IGO", "NGO")) and part.role not in (None, "GOV") else None)
        )
        why = f" ({part.why})" if part.why else ""
        return Mention(
            start,
            part.end,
            text[start : part.end],
            code,
            sent_index,
            kind=kind,
            country=country,
            org=org,
            role=role,
            name=part.name,
            rule=rule + why,
        )

    def remember(
        self, mention: Mention, part: Part, folded: str, lang: str | None, sent_start: int, memory: Memory
    ) -> None:
        if mention.name and mention.kind == "person":
            memory.persons.add(mention.name)
        prim = primary_of(mention.code)
        if prim.startswith(("IGO", "NGO")):
            memory.orgs.add(prim)
        elif mention.country and mention.kind != "coref":
            memory.countries.append(mention.country)
            if mention.kind != "country":
                memory.located.add(mention.country)
            else:
                loc = self.locatives.get(lang or "", None)
                if loc is not None and loc.search(folded, max(sent_start, mention.start - 12), mention.start):
                    memory.located.add(mention.country)
        if part.head and mention.kind != "coref" and not mention.code.startswith("---"):
            memory.heads.setdefault(part.head, []).append(mention)
        cue = self.attribution.get(lang or "", None)
        if (
            cue is not None
            and mention.kind != "coref"
            and cue.search(folded, max(sent_start, mention.start - 30), mention.start)
        ):
            memory.last_source = mention
