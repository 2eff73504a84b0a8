"""Where the language data files live (`casus/data/language/`) and how they load: YAML, once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from casus.errors import ConfigError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "language"
LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicons"


@cache
def coded(lang: str | None) -> bool:
    """Whether casus codes events in `lang` (it has a trigger lexicon there): only those languages' lemmas are
    read downstream, so only they are worth a lemma dictionary (seconds and hundreds of MB to open)."""
    return bool(lang) and (LEXICON_DIR / f"{lang}.yaml").is_file()


@cache
def load_yaml(name: str) -> Any:
    """Parse `casus/data/language/<name>`; raises ConfigError naming the file when it cannot be read."""
    path = DATA_DIR / name
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: cannot load language data ({err})") from err
