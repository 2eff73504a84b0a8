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
