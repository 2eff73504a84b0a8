"""casus.ingest: read inputs (plain-text pages, HTML, JSONL) into documents and clean them up.

`read_inputs(inputs, opts)` yields a `Doc` per document and a `Rejected` per unreadable input.
"""

from casus.ingest.sources import read_inputs

__all__ = ["read_inputs"]
