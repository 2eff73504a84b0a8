"""The language data files load, carry a provenance header, and hold only strings (YAML reads a bare `no` or
`on` as a boolean, which would silently become the word "false")."""

from __future__ import annotations

import pytest

from casus.language.data import DATA_DIR, load_yaml


def strings_only(value: object, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [bad for k, v in value.items() for bad in strings_only(v, f"{path}/{k}")]
    if isinstance(value, list):
        return [f"{path}: {v!r}" for v in value if not isinstance(v, str)]
    return []


@pytest.mark.parametrize("name", ["debris.yaml", "abbreviations.yaml"])
def test_language_data_files_are_clean(name: str) -> None:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    assert text.startswith("#") and "Source" in text.split("\n\n")[0] + text[:1500]
    assert strings_only(load_yaml(name)) == []
