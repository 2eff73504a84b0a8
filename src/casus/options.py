"""Options built once and passed down (trafilatura's `Extractor` habit), instead of long keyword lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casus.errors import ConfigError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a single input document larger than this is rejected


def check_min_confidence(value: float | None) -> float | None:
    """The one range check for a minimum confidence (coding stage, event filters): None or within 0..1."""
    if value is not None and not 0.0 <= value <= 1.0:
        raise ConfigError(f"minimum confidence {value}: must lie between 0 and 1")
    return value


@dataclass(slots=True)
class Options:
    published: date | None = None  # overrides the input's publication date
    lang: str | None = None  # overrides language detection
    max_bytes: int = DEFAULT_MAX_BYTES
    coder: str = "lexicon"
    db: Path | None = None
    user_actor_dirs: list[Path] = field(default_factory=list)
    # keep only events whose (calibrated) confidence is at least this; None keeps every event
    min_confidence: float | None = None
    # the confidence calibration file; None: the packaged data/calibration/confidence.json
    calibration: Path | None = None
