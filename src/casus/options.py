"""Options built once and passed down (trafilatura's `Extractor` habit), instead of long keyword lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a single input document larger than this is rejected


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
