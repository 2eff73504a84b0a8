"""Coders by name. `make_coder(opts)` builds the coder that `opts.coder` names (loaded once per stage)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from casus.coding.base import Coder
from casus.errors import ConfigError
from casus.options import Options

# name -> "module:factory"; a factory takes Options and returns a Coder.
_BUILTIN: dict[str, str] = {
    "lexicon": "casus.coding.lexicon:LexiconCoder",
}
_FACTORIES: dict[str, Callable[[Options], Coder]] = {}


def register(name: str, factory: Callable[[Options], Coder]) -> None:
    """Make a coder available under `name` (a later registration replaces an earlier one)."""
    _FACTORIES[name] = factory


def names() -> list[str]:
    return sorted(set(_BUILTIN) | set(_FACTORIES))


def make_coder(opts: Options) -> Coder:
    """The coder named by `opts.coder`; ConfigError lists the known names for an unknown one."""
    name = opts.coder or "lexicon"
    factory = _FACTORIES.get(name)
    if factory is None and name in _BUILTIN:
        module, attr = _BUILTIN[name].split(":")
        factory = getattr(importlib.import_module(module), attr)
    if factory is None:
        raise ConfigError(f"coder {name!r}: unknown coder (known: {', '.join(names())})")
    return factory(opts)
