"""How fast crmplan refuses the worst files: the answer time the hostile tests do not assert.

    python bench/hostile.py [--runs 5]

Each file is made as tests/test_hostile.py makes it; `crmplan validate` (without the cache, as
the first look at a file) runs --runs times on each, and the median and the slowest run are
printed in ms. A test may only guard against a hang (CI is a busy machine); this is where the
answer time is read, and compared with the 2 seconds the robustness issue asked for.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FILE_BYTES = 20 * 1024 * 1024  # crm_plan.filebytes.MAX_FILE_BYTES


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as out:
        out.truncate(size)


INPUTS: dict[str, Callable[[Path], object]] = {
    "50mb.yaml": lambda path: _sparse(path, 50 * 1024 * 1024),
    "nested.yaml": lambda path: path.write_text("[" * 10_000 + "]" * 10_000),
    "line.yaml": lambda path: path.write_text("text: " + "x " * 512 * 1024 + "\n"),
    "bomb.yaml": lambda path: path.write_bytes(
        (ROOT / "tests" / "data" / "bad" / "alias-bomb.yaml").read_bytes()),
    "just-under-the-limit.yaml": lambda path: path.write_text(
        "document:\n" + ("  # " + "x" * 97 + "\n") * (MAX_FILE_BYTES // 102)),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    env = {**os.environ, "CRMPLAN_NO_CACHE": "1"}
    print(f"{'file':<28}{'median ms':>10}{'max ms':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in INPUTS.items():
            path = Path(folder) / name
            make(path)
            times = []
            for _run in range(args.runs):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "crm_plan", "validate", "-f", str(path)],
                               capture_output=True, env=env, check=False)
                times.append((time.perf_counter() - start) * 1000)
            print(f"{name:<28}{statistics.median(times):>10.0f}{max(times):>10.0f}")


if __name__ == "__main__":
    main()
