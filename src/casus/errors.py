"""One small exception hierarchy. Messages name the input and the reason."""

from __future__ import annotations


class CasusError(Exception):
    """Base class for every error casus raises on purpose."""


class InputError(CasusError):
    """An input that cannot be read: `str(err)` is `"<input>: <reason>"`."""

    def __init__(self, input_name: str, reason: str):
        super().__init__(f"{input_name}: {reason}")
        self.input_name = input_name
        self.reason = reason


class ConfigError(CasusError):
    """A bad option, configuration file or user data file."""


class StoreError(CasusError):
    """The database cannot be opened or written."""
