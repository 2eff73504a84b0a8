"""Floors: the scores the default coder reaches on each gold set, pinned in `eval/floors.json`.

A change may raise a floor and never silently lower one (trafilatura's evaluation gate). Each set is pinned
with the SHA-256 of its gold file: floors measured on another version of the gold mean nothing, so a
changed file fails the check until the floors are re-pinned on purpose. Every update is recorded in the
file's `history` (date, git commit, coder, reason, what moved).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casus.errors import ConfigError


def _repo_root() -> Path:
    """The source checkout this module runs from, or the working directory for an installed package."""
    here = Path(__file__).resolve().parents[3]
    return here if (here / "pyproject.toml").is_file() else Path.cwd()


REPO = _repo_root()
FLOORS_PATH = REPO / "eval" / "floors.json"
DEFAULT_TOLERANCE = 0.01
DEFAULT_METRICS = [
    f"{family}.{ratio}"
    for family in ("type_cameo", "type_plover", "triples", "plover_triples")
    for ratio in ("f1", "precision")
]


def shared_dir() -> Path:
    """The shared data folder: $CASUS_SHARED, else `<repo>/../shared`."""
    return Path(os.environ.get("CASUS_SHARED") or REPO.parent / "shared").resolve()


def default_gold_paths(shared: Path | None = None) -> list[Path]:
    """Every dev set and every example gold file under the shared folder."""
    shared = shared or shared_dir()
    return sorted((shared / "eval" / "dev").glob("*.jsonl")) + sorted(
        (shared / "examples").glob("*.gold.jsonl")
    )


def set_name(path: Path | str) -> str:
    return Path(path).name.removesuffix(".jsonl")


def file_sha256(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def relative_to_shared(path: Path | str, shared: Path | None = None) -> str:
    path = Path(path).resolve()
    shared = shared or shared_dir()
    try:
        return path.relative_to(shared).as_posix()
    except ValueError:
        return str(path)


def git_commit(repo: Path = REPO) -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    commit = out.stdout.strip()
    if not commit:
        return "unknown"
    try:  # floors measured on uncommitted code say so
        dirty = subprocess.run(
            ["git", "diff", "--quiet", "HEAD", "--", "src"], cwd=repo, capture_output=True, timeout=10
        ).returncode
    except (OSError, subprocess.SubprocessError):
        dirty = 0
    return f"{commit}-dirty" if dirty == 1 else commit


def empty_floors() -> dict[str, Any]:
    return {
        "about": "Scores the default coder reaches per gold set; `casus evaluate --update-floors` rewrites "
        "this file (raising floors; lowering one needs --allow-lower). tests/test_floors.py fails when a "
        "score drops below its floor by more than `tolerance`, or when a gold file's sha256 changed.",
        "tolerance": DEFAULT_TOLERANCE,
        "metrics": list(DEFAULT_METRICS),
        "sets": {},
        "history": [],
    }


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    """The floors file, or an empty one where it does not exist yet; ConfigError when it is malformed."""
    if not path.exists():
        return empty_floors()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the floors file: {err}") from err
    if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
        raise ConfigError(f"{path}: a floors file needs a `sets` object")
    data.setdefault("tolerance", DEFAULT_TOLERANCE)
    data.setdefault("metrics", list(DEFAULT_METRICS))
    data.setdefault("history", [])
    return data


def save_floors(data: dict[str, Any], path: Path = FLOORS_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def floor_value(score: float) -> float:
    """A measured score as a floor: rounded down to 4 decimals, so the floor never exceeds the score."""
    return math.floor(score * 10_000 + 1e-9) / 10_000


@dataclass(slots=True)
class Measured:
    """What one gold set scored now: its file, hash, record count and flat scores (`metric.ratio`)."""

    name: str
    path: str  # relative to the shared folder where it lies there
    sha256: str
    records: int
    scores: dict[str, float] = field(default_factory=dict)


def check(data: dict[str, Any], measured: dict[str, Measured]) -> list[str]:
    """Every failure (a changed gold file, a score below its floor by more than the tolerance)."""
    tolerance = float(data.get("tolerance", DEFAULT_TOLERANCE))
    failures: list[str] = []
    for name, pinned in data["sets"].items():
        now = measured.get(name)
        if now is None:
            continue
        if pinned.get("sha256") != now.sha256:
            failures.append(
                f"{name}: the gold file {now.path} changed (sha256 {now.sha256[:12]}, floors pinned on "
                f"{str(pinned.get('sha256'))[:12]}); re-pin on purpose: casus evaluate --update-floors "
                f"--allow-lower --reason '...'"
            )
            continue
        for metric, floor in pinned.get("floors", {}).items():
            got = now.scores.get(metric, 0.0)
            if got < float(floor) - tolerance:
                failures.append(
                    f"{name}: {metric} {got:.4f} is below its floor {float(floor):.4f} (tolerance {tolerance})"
                )
    return failures


def update(
    data: dict[str, Any],
    measured: dict[str, Measured],
    allow_lower: bool = False,
    reason: str = "",
    coder: str = "lexicon",
    commit: str | None = None,
    now: datetime | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The floors raised to what was measured (and lowered only with `allow_lower`), and what changed.

    A set whose gold file changed is re-pinned as measured (its hash too); lowering any floor, there or
    elsewhere, raises ConfigError naming every floor that would go down unless `allow_lower`.
    """
    metrics = list(data.get("metrics") or DEFAULT_METRICS)
    new = json.loads(json.dumps(data))
    changes: list[dict[str, Any]] = []
    lowered: list[str] = []
    for name, got in sorted(measured.items()):
        pinned = new["sets"].get(name)
        fresh = pinned is None or pinned.get("sha256") != got.sha256
        old_floors: dict[str, float] = {} if pinned is None else dict(pinned.get("floors", {}))
        floors: dict[str, float] = {}
        for metric in metrics:
            if metric not in got.scores and metric not in old_floors:
                continue
            value = floor_value(got.scores.get(metric, 0.0))
            old = old_floors.get(metric)
            if old is None or value > old or fresh:
                floors[metric] = value
            elif value < old:
                floors[metric] = value if allow_lower else old
            else:
                floors[metric] = old
            if old is not None and value < old:
                lowered.append(f"{name} {metric} {old:.4f} -> {value:.4f}")
            if pinned is not None and old != floors[metric]:
                changes.append({"set": name, "metric": metric, "from": old, "to": floors[metric]})
        if pinned is None:
            changes.append({"set": name, "pinned": floors})
        if pinned is not None and pinned.get("sha256") != got.sha256:
            changes.append({"set": name, "sha256": {"from": pinned.get("sha256"), "to": got.sha256}})
        new["sets"][name] = {"path": got.path, "sha256": got.sha256, "records": got.records, "floors": floors}
    if lowered and not allow_lower:
        raise ConfigError(
            "refusing to lower floors (pass --allow-lower, with --reason, to do it on purpose): "
            + "; ".join(lowered)
        )
    if changes:
        new["history"].append(
            {
                "date": (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "commit": commit if commit is not None else git_commit(),
                "coder": coder,
                "reason": reason or ("raise floors" if not lowered else "lower floors"),
                "lowered": lowered,
                "changes": changes,
            }
        )
    return new, changes


def measure(evaluation_files: dict[str, Any], paths: list[Path]) -> dict[str, Measured]:
    """Measured per set from an evaluation's per-file summaries (keyed by the gold file path)."""
    out: dict[str, Measured] = {}
    for path in paths:
        summary = evaluation_files.get(str(Path(path)))
        if summary is None:
            continue
        out[set_name(path)] = Measured(
            name=set_name(path),
            path=relative_to_shared(path),
            sha256=file_sha256(path),
            records=summary.docs,
            scores=summary.scores(),
        )
    return out
