"""Gazetteer entries, people with dated tenures, and how a person's office is resolved on a date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# what an entry is; Mention.kind takes the same names (plus "role", "coref", "place")
KINDS = (
    "country",
    "capital",
    "place",
    "seat",
    "demonym",
    "igo",
    "group",
    "person",
    "surname",
    "role",
    "coref",
    "user",
)


@dataclass(frozen=True, slots=True)
class Tenure:
    code: str
    start: date | None
    end: date | None
    office: str = ""

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def describe(self) -> str:
        start = self.start.isoformat() if self.start else "?"
        end = self.end.isoformat() if self.end else "in office"
        return f"{self.code} {start}..{end} {self.office}".strip()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The code a person or dated group takes on a date, and why."""

    code: str
    tenure: Tenure | None
    how: str  # "in office", "former", "before office", "latest (no date)"


def primary_of(code: str) -> str:
    """The primary of an actor code: the whole IGO/NGO code, else the first three letters."""
    if code.startswith(("IGO", "NGO")):
        return code
    return code[:3]


def resolve_tenures(tenures: tuple[Tenure, ...], day: date | None) -> Resolution:
    """Pick the office held on `day`; else the last one before it (as a former holder, role ELI)."""
    if not tenures:
        return Resolution("---", None, "no office")
    if day is None:
        latest = max(tenures, key=lambda t: (t.end is None, t.end or date.min, t.start or date.min))
        return Resolution(latest.code, latest, "latest (no date)")
    active = [t for t in tenures if t.covers(day)]
    if active:
        best = max(active, key=lambda t: t.start or date.min)
        return Resolution(best.code, best, "in office")
    before = [t for t in tenures if t.end is not None and t.end <= day]
    if before:
        last = max(before, key=lambda t: t.end or date.min)
        prim = primary_of(last.code)
        if prim.startswith(("IGO", "NGO")):  # a former head of an organisation: by nationality, if known
            national = [t for t in tenures if not primary_of(t.code).startswith(("IGO", "NGO", "---"))]
            prim = primary_of(national[-1].code) if national else "---"
        return Resolution(prim + "ELI", last, "former")
    first = min(tenures, key=lambda t: t.start or date.min)
    prim = primary_of(first.code)
    return Resolution(prim if not prim.startswith(("IGO", "NGO")) else "---", first, "before office")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    tenures: tuple[Tenure, ...]
    source: str = "people.tsv"

    def resolve(self, day: date | None) -> Resolution:
        return resolve_tenures(self.tenures, day)


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form of an actor. `code` is fixed unless `person` (or dated `tenures`) resolve it."""

    kind: str
    form: str  # the form as written in the data (its capitalisation sets the case rule)
    code: str = ""
    lang: str | None = None  # None: any language
    org: str | None = None
    role: str | None = None
    person: Person | None = None
    tenures: tuple[Tenure, ...] = ()
    title: bool = False
    head: str | None = None  # coreference class of a title ("president", ...)
    bound_only: bool = False
    source: str = ""  # data file (and line) it came from
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def case_rule(self) -> str:
        letters = [c for c in self.form if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return "upper"
        if letters and letters[0].isupper() and self.form[0].isalpha():
            return "cap"
        if letters and self.form.lstrip("*")[:1].isupper():
            return "cap"
        return "any"

    def resolve(self, day: date | None) -> Resolution:
        if self.person is not None:
            return self.person.resolve(day)
        if self.tenures:
            return resolve_tenures(self.tenures, day)
        return Resolution(self.code, None, "fixed")
