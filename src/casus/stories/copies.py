"""Copies: syndicated copies and lightly edited rewrites of one article, by MinHash/LSH over word shingles."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

WORD = re.compile(r"\w+", re.UNICODE)
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are read back with the same one


@dataclass(slots=True)
class CopyOptions:
    shingle: int = 4  # words per shingle
    num_perm: int = 128
    threshold: float = (
        0.5  # estimated Jaccard similarity of shingle sets at or above which two texts are copies
    )


def shingles(text: str, size: int) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str, opts: CopyOptions) -> LeanMinHash:
    m = MinHash(num_perm=opts.num_perm, seed=1, scheme=SCHEME)
    m.update_batch(list(shingles(text, opts.shingle)))
    return LeanMinHash(m)


def from_values(values: list[int], opts: CopyOptions) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.asarray(values, dtype=np.uint64), scheme=SCHEME)


class CopyIndex:
    """Documents seen so far; `add` answers which earlier document a new one copies, if any."""

    def __init__(self, opts: CopyOptions | None = None):
        self.opts = opts or CopyOptions()
        self.lsh = MinHashLSH(threshold=self.opts.threshold, num_perm=self.opts.num_perm)
        self.sigs: dict[str, LeanMinHash] = {}
        self.root: dict[str, str] = {}

    def add(self, doc_id: str, sig: LeanMinHash) -> str | None:
        """Index `doc_id`; return the root document it is a copy of (None for an original)."""
        best, best_sim = None, 0.0
        for other in self.lsh.query(sig):
            sim = sig.jaccard(self.sigs[other])
            if sim >= self.opts.threshold and sim > best_sim:
                best, best_sim = other, sim
        if doc_id not in self.sigs:
            self.lsh.insert(doc_id, sig)
            self.sigs[doc_id] = sig
        root = self.root.get(best, best) if best else None
        if root:
            self.root[doc_id] = root
        return root
