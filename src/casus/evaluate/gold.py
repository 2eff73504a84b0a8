"""Gold files (shared/spec/gold-format.md): one document per JSON line, with the events a careful coder finds.

Reading normalises every judged field to a tuple of acceptable values (a single value or a list in the
file), so the scorer never has to ask whether a field was a list. A missing or null field is `None`: not
judged. A malformed line raises `InputError` naming the file and line: a gold file that cannot be read is
never scored silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.errors import InputError

# Event fields that may hold one value or a list of acceptable values.
JUDGED_FIELDS = ("source", "target", "date", "modality", "attribution", "quantity")

Values = tuple[Any, ...] | None


def _values(value: Any) -> Values:
    """A field as a tuple of acceptable values; None (or an empty list) when the gold does not give it."""
    if value is None:
        return None
    if isinstance(value, list):
        vals = tuple(v for v in value if v is not None and v != "")
        return vals or None
    if value == "":
        return None
    return (value,)


def _codes(value: Any) -> tuple[str, ...]:
    vals = _values(value)
    return tuple(str(v).strip().upper() for v in vals) if vals else ()


def is_cameo_item(item: str) -> bool:
    """Scope items and codes: digits are CAMEO codes, names are PLOVER types."""
    return item.isdigit()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event. `cameo` or `plover` (or both) gives its type; every other field may be None."""

    cameo: str | None = None
    alt_cameo: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()
    source: Values = None
    target: Values = None
    date: Values = None
    modality: Values = None
    attribution: Values = None
    quantity: Values = None
    optional: bool = False
    note: str | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        """The gold code followed by its accepted alternatives."""
        return ((self.cameo,) if self.cameo else ()) + self.alt_cameo

    @property
    def root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None

    @property
    def roots(self) -> frozenset[str]:
        """CAMEO roots a prediction may carry to match this event: the code's root and every alternative's."""
        return frozenset(c[:2] for c in self.codes)

    def label(self) -> str:
        """A short human-readable form: `SRC 111 TGT (ACCUSE)`."""

        def actor(vals: Values) -> str:
            return "|".join(str(v) for v in vals) if vals else "-"

        kind = self.cameo or "/".join(self.plover)
        extra = f" ({'/'.join(self.plover)})" if self.cameo and self.plover else ""
        opt = " [optional]" if self.optional else ""
        return f"{actor(self.source)} {kind} {actor(self.target)}{extra}{opt}"


@dataclass(slots=True)
class GoldRecord:
    """One gold document: the text the system reads and what is judged in it."""

    id: str
    text: str
    lang: str | None = None
    published: str | None = None
    scope: tuple[str, ...] | None = None  # None: exhaustive; a tuple: only these types are judged
    events: list[GoldEvent] = field(default_factory=list)
    set_name: str = ""
    file: str = ""
    line: int = 0
    must_not_code: list[str] = field(default_factory=list)
    quotes: list[dict[str, Any]] | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return f"{self.file}:{self.line}"


def event_from_dict(obj: dict[str, Any], where: str = "<event>") -> GoldEvent:
    """A gold event from its JSON object; InputError when it has neither `cameo` nor `plover`."""
    if not isinstance(obj, dict):
        raise InputError(where, f"an event must be a JSON object, got {type(obj).__name__}")
    cameo = obj.get("cameo")
    cameo = str(cameo).strip() if cameo not in (None, "") else None
    plover = _codes(obj.get("plover"))
    if not cameo and not plover:
        raise InputError(where, "a gold event needs a `cameo` or a `plover` type")
    if cameo is not None and not cameo.isdigit():
        raise InputError(where, f"`cameo` must be digits, got {cameo!r}")
    alt = tuple(str(c).strip() for c in (obj.get("alt_cameo") or []) if str(c).strip().isdigit())
    note = obj.get("note")
    return GoldEvent(
        cameo=cameo,
        alt_cameo=alt,
        plover=plover,
        source=_values(obj.get("source")),
        target=_values(obj.get("target")),
        date=_values(obj.get("date")),
        modality=_values(obj.get("modality")),
        attribution=_values(obj.get("attribution")),
        quantity=_values(obj.get("quantity")),
        optional=bool(obj.get("optional", False)),
        note=str(note) if note else None,
    )


def record_from_dict(
    obj: dict[str, Any], file: str = "<gold>", line: int = 0, problems: list[str] | None = None
) -> GoldRecord:
    """A gold record from its JSON object, validated; InputError names `file:line` and the reason.

    With a `problems` list, an unreadable event is left out and its reason appended there instead.
    """
    where = f"{file}:{line}"
    if not isinstance(obj, dict):
        raise InputError(where, f"a gold record must be a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(where, "a gold record needs a `text` string")
    scope_raw = obj.get("scope")
    if scope_raw is not None and not isinstance(scope_raw, list):
        raise InputError(where, f"`scope` must be null or a list, got {scope_raw!r}")
    scope = None if scope_raw is None else tuple(str(s).strip().upper() for s in scope_raw)
    events_raw = obj.get("events") or []
    if not isinstance(events_raw, list):
        raise InputError(where, "`events` must be a list")
    events: list[GoldEvent] = []
    for i, raw_event in enumerate(events_raw):
        try:
            events.append(event_from_dict(raw_event, f"{where} event {i + 1}"))
        except InputError as err:
            if problems is None:
                raise
            problems.append(f"{err} (event left out)")
    quotes = obj.get("quotes")
    published = obj.get("published")
    return GoldRecord(
        id=str(obj.get("id") or where),
        text=text,
        lang=obj.get("lang") or None,
        published=str(published) if published else None,
        scope=scope,
        events=events,
        set_name=str(obj.get("set") or Path(file).name.removesuffix(".jsonl")),
        file=file,
        line=line,
        must_not_code=[str(s) for s in (obj.get("must_not_code") or []) if str(s).strip()],
        quotes=quotes if isinstance(quotes, list) else None,
        raw=obj,
    )


def read_gold(
    path: Path | str, limit: int | None = None, problems: list[str] | None = None
) -> list[GoldRecord]:
    """Every record of a gold JSONL file (the first `limit` when given). Blank lines are skipped.

    A malformed line raises InputError naming `file:line`; with a `problems` list it is skipped instead and
    the reason appended there (an evaluation goes on past one bad record, and says so).
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read gold file: {err}") from err
    records: list[GoldRecord] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{n}", f"not valid JSON: {err.msg}") from err
            records.append(record_from_dict(obj, str(path), n, problems))
        except InputError as err:
            if problems is None:
                raise
            problems.append(f"{err} (record left out)")
            continue
        if limit is not None and len(records) >= limit:
            break
    return records
