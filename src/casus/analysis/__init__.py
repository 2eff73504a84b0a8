"""Analysis over stored events: filters, DataFrames, dyad series, escalation index and alerts."""

from casus.analysis.filters import EventFilter
from casus.analysis.frames import events_frame, open_db
from casus.analysis.series import SeriesOptions, dyad_series

__all__ = ["EventFilter", "SeriesOptions", "dyad_series", "events_frame", "open_db"]
