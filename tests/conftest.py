"""Shared fixtures. Tests that need ../shared skip with a clear reason where it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_path() -> Path:
    return Path(os.environ.get("CASUS_SHARED", REPO.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_path()
    if not (path / "spec").is_dir():
        pytest.skip(f"../shared not found at {path} (set CASUS_SHARED): shared data tests need it")
    return path


@pytest.fixture(scope="session")
def model_input(shared_dir: Path) -> Path:
    return shared_dir / "examples" / "nato-dprk-troops.it.txt"


@pytest.fixture(scope="session")
def model_text(model_input: Path) -> str:
    """The raw text of the model input, read at test time (its text belongs to its publisher)."""
    return model_input.read_text(encoding="utf-8")


def span(text: str, first: str, last: str) -> str:
    """The stretch of `text` from the first `first` to the end of the next `last` (both short keys)."""
    start = text.index(first)
    return text[start : text.index(last, start) + len(last)]
