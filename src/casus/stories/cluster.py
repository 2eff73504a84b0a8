"""Stories: documents about the same happening, across outlets and languages.

A document joins the story whose centroid is most similar to its title-and-lead vector (multilingual USE), with
a bonus for sharing the story's actor pairs, among stories active within `window_days` of its date; below the
threshold it starts a new story. A copy always joins its original's story.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

import numpy as np


@dataclass(slots=True)
class StoryOptions:
    threshold: float = 0.62  # cosine (plus actor bonus) to join a story
    actor_bonus: float = 0.12  # added times the Jaccard overlap of actor pairs
    window_days: int = 4  # a story takes documents dated within this many days of its last one


@dataclass(slots=True)
class Story:
    story_id: str
    centroid: np.ndarray
    first_seen: date
    last_seen: date
    n_docs: int = 0
    title: str | None = None
    pairs: set[tuple[str, str]] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    def add(
        self, vec: np.ndarray, day: date, pairs: set[tuple[str, str]], lang: str | None, source: str
    ) -> None:
        total = self.centroid * self.n_docs + vec
        norm = float(np.linalg.norm(total)) or 1.0
        self.centroid = (total / norm).astype(np.float32)
        self.n_docs += 1
        self.first_seen = min(self.first_seen, day)
        self.last_seen = max(self.last_seen, day)
        self.pairs |= pairs
        if lang:
            self.languages.add(lang)
        self.sources.add(source)


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class StoryIndex:
    """The stories so far, with their centroids in one matrix and their date ranges in arrays, so finding the
    live stories of a day and scoring them is vectorised (100,000 stories stay fast)."""

    def __init__(self, opts: StoryOptions | None = None, dim: int = 512):
        self.opts = opts or StoryOptions()
        self.stories: dict[str, Story] = {}
        self._order: list[Story] = []
        self._row: dict[str, int] = {}
        self._mat = np.zeros((1024, dim), dtype=np.float32)
        self._first = np.zeros(1024, dtype=np.int64)
        self._last = np.zeros(1024, dtype=np.int64)

    def add_story(self, story: Story) -> None:
        """Index a story (a new one, or one loaded from the store)."""
        self.stories[story.story_id] = story
        n = len(self._order)
        if n == len(self._first):
            self._mat = np.concatenate([self._mat, np.zeros_like(self._mat)])
            self._first = np.concatenate([self._first, np.zeros_like(self._first)])
            self._last = np.concatenate([self._last, np.zeros_like(self._last)])
        self._order.append(story)
        self._row[story.story_id] = n
        self._sync(story)

    def _sync(self, story: Story) -> None:
        r = self._row[story.story_id]
        self._mat[r] = story.centroid
        self._first[r] = story.first_seen.toordinal()
        self._last[r] = story.last_seen.toordinal()

    def best(self, vec: np.ndarray, day: date, pairs: set[tuple[str, str]]) -> tuple[Story | None, float]:
        n = len(self._order)
        if not n:
            return None, 0.0
        d = day.toordinal()
        first, last = self._first[:n], self._last[:n]
        live = np.nonzero((np.abs(d - last) <= self.opts.window_days) | ((first <= d) & (d <= last)))[0]
        if not len(live):
            return None, 0.0
        scores = self._mat[live] @ vec
        if pairs:
            bonus = np.array([jaccard(pairs, self._order[i].pairs) for i in live], dtype=np.float32)
            scores = scores + self.opts.actor_bonus * bonus
        i = int(np.argmax(scores))
        return self._order[int(live[i])], float(scores[i])

    def assign(
        self,
        doc_id: str,
        vec: np.ndarray,
        day: date,
        pairs: set[tuple[str, str]],
        lang: str | None,
        source: str,
        title: str | None,
        story_id: str | None = None,
    ) -> str:
        """Put the document in a story (the given one for a copy, else the best over threshold, else a new one)."""
        story = self.stories.get(story_id) if story_id else None
        if story is None:
            story, score = self.best(vec, day, pairs)
            if story is None or score < self.opts.threshold:
                sid = "story-" + hashlib.sha1(doc_id.encode()).hexdigest()[:12]
                story = Story(
                    story_id=sid, centroid=np.zeros_like(vec), first_seen=day, last_seen=day, title=title
                )
                self.add_story(story)
        story.add(vec, day, pairs, lang, source)
        self._sync(story)
        return story.story_id
