"""Event filters shared by the exports, the series, the API and the CLI: one object, one SQL translation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from casus.errors import ConfigError
from casus.options import check_min_confidence

MODALITIES = ("asserted", "reported", "hypothetical", "intended", "denied", "unconfirmed", "question")
# What counts as having happened: stated by the writer or reported by a source, and not negated.
FACTUAL = ("asserted", "reported")


@dataclass(slots=True)
class EventFilter:
    """Which events to read. Empty fields do not filter.

    `actor` matches an event whose source or target code starts with it (country, `RUSGOV`, `IGOWSTNAT`);
    `pair` is (a, b): events from a to b or from b to a; `cameo` is a code prefix ("19", "0332");
    `plover` an exact PLOVER type; dates bound the event date, inclusive.
    """

    actor: str | None = None
    pair: tuple[str, str] | None = None
    cameo: str | None = None
    plover: str | None = None
    since: date | None = None
    until: date | None = None
    lang: str | None = None
    modality: list[str] = field(default_factory=list)
    min_confidence: float | None = None
    doc_id: str | None = None
    factual_only: bool = False

    def validate(self) -> EventFilter:
        for m in self.modality:
            if m not in MODALITIES:
                raise ConfigError(f"modality {m!r}: not one of {', '.join(MODALITIES)}")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"date range {self.since}..{self.until}: the start is after the end")
        check_min_confidence(self.min_confidence)
        return self

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        """A SQL WHERE clause (without the keyword; "TRUE" when empty) and its parameters."""
        p = f"{alias}." if alias else ""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append(f"(starts_with({p}source_code, ?) OR starts_with({p}target_code, ?))")
            params += [self.actor.upper(), self.actor.upper()]
        if self.pair:
            a, b = self.pair[0].upper(), self.pair[1].upper()
            clauses.append(
                f"((starts_with({p}source_code, ?) AND starts_with({p}target_code, ?)) OR "
                f"(starts_with({p}source_code, ?) AND starts_with({p}target_code, ?)))"
            )
            params += [a, b, b, a]
        if self.cameo:
            clauses.append(f"starts_with({p}cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            clauses.append(f"{p}plover = ?")
            params.append(self.plover.upper())
        if self.since:
            clauses.append(f"{p}event_date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{p}event_date <= ?")
            params.append(self.until)
        if self.lang:
            clauses.append(f"{p}lang = ?")
            params.append(self.lang)
        modality = list(FACTUAL) if self.factual_only and not self.modality else self.modality
        if modality:
            clauses.append(f"{p}modality IN ({', '.join('?' for _ in modality)})")
            params += modality
        if self.factual_only:
            clauses.append(f"NOT coalesce({p}negated, false)")
        if self.min_confidence is not None:
            clauses.append(f"{p}confidence >= ?")
            params.append(self.min_confidence)
        if self.doc_id:
            clauses.append(f"{p}doc_id = ?")
            params.append(self.doc_id)
        return (" AND ".join(clauses) or "TRUE"), params
