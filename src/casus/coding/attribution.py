"""Attribution: who the text says a statement comes from ("secondo X", "according to X", "X said").

Public API (called by the lexicon coder):

    find(doc, sent, lang, prev=None) -> AttributionResult | None
    is_own_statement(doc, sent, mention, lang) -> bool

`find` looks for an attribution cue in `sent` and returns the actor mention it names (one of
doc.mentions_in(sent.index)), the cue and the clause span it governs. "secondo la stessa fonte" / "according to
the same source" / "selon la même source" / "según la misma fuente" / "laut derselben Quelle" carry `prev`
(the previous sentence's result) with `carried=True`. The coder uses the attribution for every event whose
trigger lies inside `governs`, sets Event.attribution to `mention`, and passes attributed=True to
casus.coding.modality.detect. A speaker who is also the event's source is not an attribution (see
is_own_statement).
"""

from __future__ import annotations

from dataclasses import dataclass

from casus.doc import Doc, Mention, Sentence


@dataclass(slots=True)
class AttributionResult:
    """An attribution found in a sentence.

    mention: the actor the statement is attributed to (None when the cue names no known actor, e.g.
      "secondo fonti locali"; the cue still makes the clause "reported").
    cue_text / cue_start / cue_end: the cue ("secondo", "ha affermato", "said") as offsets into doc.text.
    governs: (start, end) offsets of the clause the attribution covers (the whole sentence when the cue
      frames it, e.g. "X said that ..." or a trailing ", secondo X").
    kind: "according_to" (secondo/according to/selon/según/laut), "speech_verb" (said/ha affermato/...),
      "claim" (sostengono che / claims that), "same_source" (carried from `prev`).
    carried: True when it was carried from the previous sentence.
    """

    mention: Mention | None
    cue_text: str
    cue_start: int
    cue_end: int
    governs: tuple[int, int]
    kind: str = "according_to"
    carried: bool = False

    def to_cue(self) -> dict:
        """The dict the coder stores under Event.cues["attribution"] for `casus explain`."""
        return {
            "kind": self.kind,
            "text": self.cue_text,
            "start": self.cue_start,
            "end": self.cue_end,
            "actor": self.mention.text if self.mention else None,
            "code": self.mention.code if self.mention else None,
            "carried": self.carried,
        }


def find(
    doc: Doc, sent: Sentence, lang: str, prev: AttributionResult | None = None
) -> AttributionResult | None:
    """The attribution governing `sent`, or None. `prev` is the result for the previous sentence."""
    return None


def is_own_statement(doc: Doc, sent: Sentence, mention: Mention, lang: str) -> bool:
    """True when `mention` is the speaker of the sentence's reporting frame ("…”, ha aggiunto." with the
    speaker as subject, or "X said ..."): the statement is X's own act (X is the source of a statement /
    comment event), not a report about someone else's act."""
    return False
