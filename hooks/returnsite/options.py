"""Options of the build under ``extra:`` in mkdocs.yml, read with editors' messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class OptionError(ValueError):
    """An option in mkdocs.yml that cannot be used; the message says what to write."""


def flag(extra: Mapping[str, Any], name: str, default: bool) -> bool:
    """``extra.<name>``: true or false, also as text (from an environment variable)."""
    value = extra.get(name, default)
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        value = value.strip().lower() == "true"
    if not isinstance(value, bool):
        raise OptionError(f"extra.{name}: expected true or false, got {value!r}")
    return value
