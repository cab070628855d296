"""Modules loaded on their first use: start-up time is part of the product.

`crmplan validate` needs neither the table renderer nor the archive code, so the CLI
names its modules through `lazy()` (the standard library's LazyLoader recipe) and
each is executed only when a command touches it.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
