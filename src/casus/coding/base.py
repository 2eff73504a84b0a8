"""The Coder interface: a coder turns a segmented document with actor mentions into events.

Coders are registered by name (`casus.coding.registry`); the pipeline's `code` stage runs the one named in
`Options.coder` ("lexicon" by default), so a learned coder can plug in behind the same interface.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from casus.doc import Doc, Event


@runtime_checkable
class Coder(Protocol):
    """Anything with a `name` and `code(doc) -> list[Event]`. `version` goes into `Event.coder`."""

    name: str
    version: str

    def code(self, doc: Doc) -> list[Event]:
        """The events of `doc` (each once per document, see casus.coding.dedupe)."""
        ...
