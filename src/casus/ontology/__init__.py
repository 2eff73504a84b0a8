"""CAMEO, PLOVER, Goldstein and quad classes: the event ontology, loaded once from `casus/data/ontology/`.

Tables (each with its sources in a header comment):
- `cameo.tsv`: CAMEO 1.1b3 codes and labels;
- `goldstein.tsv`: Goldstein score per code (GDELT's table);
- `plover.tsv`: CAMEO code -> one of the 16 PLOVER types (empty for root 01, dropped by PLOVER) and mode;
- `quad_class.tsv`: quad class per CAMEO root (GDELT grouping 01-05 / 06-08 / 09-13 / 14-20).

    >>> info("0874").plover
    'RETREAT'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from casus.errors import CasusError

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "ontology"
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What casus knows about one CAMEO code."""

    code: str  # the CAMEO code as given, with its leading zero ("0874", "190", "14")
    label: str  # short English label
    root: str  # two-digit root ("08")
    plover: str | None  # one of PLOVER_TYPES, None for root 01 (statements, dropped by PLOVER)
    plover_mode: str | None  # PLOVER mode from the crosswalk ("troops", "release"), None when none
    goldstein: float  # -10 .. +10
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict


def _rows(name: str) -> list[list[str]]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]  # skip the column header


@cache
def _table() -> dict[str, CodeInfo]:
    labels = {r[0]: r[1] for r in _rows("cameo.tsv")}
    scores = {r[0]: float(r[1]) for r in _rows("goldstein.tsv")}
    plovers = {r[0]: (r[1] if len(r) > 1 else "", r[2] if len(r) > 2 else "") for r in _rows("plover.tsv")}
    quads = {r[0]: int(r[1]) for r in _rows("quad_class.tsv")}
    table: dict[str, CodeInfo] = {}
    for code, label in labels.items():
        ptype, pmode = plovers.get(code, ("", ""))
        table[code] = CodeInfo(
            code=code,
            label=label,
            root=code[:2],
            plover=ptype or None,
            plover_mode=pmode or None,
            goldstein=scores[code],
            quad_class=quads[code[:2]],
        )
    return table


def _normalise(cameo: str | int) -> str:
    code = str(cameo).strip()
    if isinstance(cameo, int) and len(code) == 1:
        code = "0" + code  # a root given as a number: 1 -> "01"
    return code


def is_valid(cameo: str) -> bool:
    """True when `cameo` is a CAMEO 1.1b3 code (2, 3 or 4 digits, leading zero included: "01", "0874")."""
    return isinstance(cameo, str) and cameo.strip() in _table()


def info(cameo: str) -> CodeInfo:
    """The CodeInfo of a CAMEO code. An unknown code raises CasusError naming it."""
    code = _normalise(cameo)
    found = _table().get(code)
    if found is None:
        raise CasusError(f"CAMEO code {cameo!r}: not a CAMEO 1.1b3 event code")
    return found


def root(cameo: str) -> str:
    """The two-digit root of a code ("0874" -> "08"); CasusError for an unknown code."""
    return info(cameo).root


def plover_of(cameo: str) -> str | None:
    """The PLOVER type of a code (None for root 01); CasusError for an unknown code."""
    return info(cameo).plover


def goldstein_of(cameo: str) -> float:
    """The Goldstein score of a code; CasusError for an unknown code."""
    return info(cameo).goldstein


def quad_class_of(cameo: str) -> int:
    """The quad class (1..4) of a code; CasusError for an unknown code."""
    return info(cameo).quad_class


def label_of(cameo: str) -> str:
    """The short English label of a code; CasusError for an unknown code."""
    return info(cameo).label


def codes() -> list[str]:
    """Every CAMEO 1.1b3 code casus knows, in codebook order."""
    return list(_table())


def children(cameo: str) -> list[str]:
    """The codes one level below `cameo` ("14" -> ["140", ..., "145"], "141" -> ["1411", ...])."""
    code = info(cameo).code
    return [c for c in _table() if len(c) == len(code) + 1 and c.startswith(code)]
