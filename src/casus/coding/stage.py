"""Pipeline stage: code events with the coder named in the options (`--coder`, default `lexicon`), then
calibrate each event's confidence (casus.coding.calibration) and, with `min_confidence`, keep only the events
at or above it (the number left out is counted in `doc.meta["below_min_confidence"]`)."""

from __future__ import annotations

from collections.abc import Callable

from casus.coding import calibration
from casus.coding.registry import make_coder
from casus.doc import Doc
from casus.options import Options, check_min_confidence


def make_stage(opts: Options) -> Callable[[Doc], Doc]:
    coder = make_coder(opts)
    model = calibration.load(opts.calibration)
    threshold = check_min_confidence(opts.min_confidence)

    def stage(doc: Doc) -> Doc:
        events = coder.code(doc)
        calibration.calibrate(doc, events, model)
        if threshold is not None:
            kept = [ev for ev in events if ev.confidence >= threshold]
            if len(kept) < len(events):
                doc.meta["below_min_confidence"] = len(events) - len(kept)
            events = kept
        doc.events = events
        return doc

    return stage
