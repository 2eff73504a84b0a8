"""Core commands: ingest, extract, clean, demo, explain."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Filled by the foundation work (issue 2)."""
