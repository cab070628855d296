"""The switch between the quick robustness tests and the long fuzzing run.

The normal run (`python -m pytest -q`) runs a fixed, modest set of examples, the same every
time. `CRMPLAN_FUZZ=1 python -m pytest -q -m fuzz` runs the tests marked `fuzz`, and the
property tests with many more, random examples; CRMPLAN_FUZZ may also be a number to scale
the run (CRMPLAN_FUZZ=4 runs four times as many).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

_LEVEL = os.environ.get("CRMPLAN_FUZZ", "")
FUZZ = int(_LEVEL) if _LEVEL.isdigit() else (1 if _LEVEL else 0)

# Tests the fuzzing run runs (again, with more examples): selected with -m fuzz.
fuzz = pytest.mark.fuzz


def fuzz_only(test):  # type: ignore[no-untyped-def]
    """A test too long for the normal run: only with CRMPLAN_FUZZ set."""
    skip = pytest.mark.skipif(not FUZZ, reason="long fuzzing: set CRMPLAN_FUZZ=1")
    return pytest.mark.fuzz(skip(test))


def examples(normal: int, fuzzing: int) -> settings:
    """Hypothesis settings: `normal` fixed examples, or `fuzzing` x level random ones."""
    return settings(
        max_examples=fuzzing * FUZZ if FUZZ else normal,
        derandomize=not FUZZ,  # the normal run is the same on every machine, every time
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.large_base_example],
    )
