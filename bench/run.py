"""Time crmplan the way a user feels it: whole processes, medians, peak memory.

    python bench/run.py                      # shipped plan, 1,000 and 10,000 activities
                                             # (and 1,000 heavily commented: 1000c)
    python bench/run.py --sizes shipped --paired-runs 51   # the start-up targets alone

crmplan's modules are compiled to bytecode first, as pip does on install. Each
command runs once to warm up (this also fills crmplan's plan cache, as any second
use of a plan would), then --runs times (--paired-runs times on the plans whose ratios
are targets: a few milliseconds of difference, read through the noise of a machine); the
table gives the median in ms and the ratios the targets speak of:
- to the floor (`python -c "import typer, ruamel.yaml"`). On the shipped plan the floor
  runs just before every run of every command, and the ratio is the median of the ratios
  of each run to the floor's run before it, so that a busy minute on the machine slows
  both sides alike;
- to yq running the same query, where yq is installed, on the largest plan;
- the growth from 1,000 to 10,000 activities;
- "comments": 1,000 activities with 5 comment lines above each and one inside (a file
  2.7 times the size) against the same plan without them, paired run by run in the same way.
Peak memory is the largest resident set of any run on the largest plan.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PYTHON = sys.executable
CRMPLAN = [PYTHON, "-m", "crm_plan"]
FLOOR = [PYTHON, "-c", "import typer, ruamel.yaml"]
COMMENTS = 5  # comment lines above each activity in a plan like "1000c" (and one inside)
YQ_QUERY = '[.objectives[].activities[] | select(.responsible | index("Países miembros"))]'

# name -> (arguments, the target ratio to the floor on the shipped plan, or None). A name
# ending in "(cold)" runs with CRMPLAN_NO_CACHE=1: the first command after the file was
# edited, which reads and validates it from scratch (as yq reads it every time). The tables
# are drawn in colour, as on a terminal (rich draws them); "(piped)" is a listing written
# to a pipe or a file, without colour (rich too, its padding trimmed).
COMMANDS: dict[str, tuple[list[str], float | None]] = {
    "validate": (["validate"], 1.3),
    "validate (cold)": (["validate"], None),
    "list json (cold)": (["list", "--responsible", "Países miembros", "--format", "json"], None),
    "list json": (["list", "--responsible", "Países miembros", "--format", "json"], 1.3),
    "status json": (["status", "--pending", "--format", "json"], 1.3),
    "show json": (["show", "{id}", "--format", "json"], 1.3),
    "list table": (["list", "--responsible", "Países miembros"], 1.6),
    "status --pending": (["status", "--pending"], 1.6),
    "show": (["show", "{id}"], 1.6),
    "list (piped)": (["list", "--responsible", "Países miembros"], None),
    "report": (["report", "--responsible", "México", "--as-of", "2009-11-26"], 1.6),
    "agenda": (["agenda", "GRCM-2009-12", "--as-of", "2009-11-26"], 1.6),  # report's budget
    "archive": (["archive", "{id}", "--date", "2026-11-28"], 1.6),
    "archive (cold)": (["archive", "{id}", "--date", "2026-11-28"], None),  # <= 2.5 s on 10k
    "restore": (["restore", "{id}"], None),
}
TABLES = {"list table", "status --pending", "show", "report", "agenda"}  # drawn in colour


Job = tuple[list[str], Callable[[], object] | None, dict[str, str]]  # argv, before, env


def measure(job: Job, runs: int, paired: Job | None = None) -> dict:  # type: ignore[type-arg]
    """Median, min and max seconds and the peak RSS (KB) of `runs` runs after a warm-up.

    With `paired`, that job runs just before each run: its median is kept as "paired", and
    the median of the ratios of each run to the paired run before it as "ratio". Taken side
    by side, second by second, a ratio does not drift with whatever else the machine is
    doing, and the median drops the runs a busy moment slowed on one side only."""
    times, others, peak = [], [], 0
    for attempt in range(runs + 1):
        if paired is not None:
            other = _time(paired)[0]
            if attempt:
                others.append(other)
        elapsed, usage = _time(job)
        if attempt:  # the first run is the warm-up
            times.append(elapsed)
            peak = max(peak, usage)
    result = {"median": statistics.median(times), "min": min(times), "max": max(times),
              "peak_kb": peak}
    if others:
        result["paired"] = statistics.median(others)
        result["ratio"] = statistics.median(t / o for t, o in zip(times, others, strict=True))
    return result


def _time(job: Job) -> tuple[float, int]:
    """Seconds and peak RSS (KB) of one run of a job (its `before` step not counted)."""
    argv, before, env = job
    if before is not None:
        before()
    with tempfile.TemporaryFile() as stderr:  # a file: a pipe left unread could fill up
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:  # a failed run is no measure of anything
            stderr.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed: {stderr.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss


def plan_for(size: str, folder: Path) -> tuple[Path, str]:
    path = folder / f"plan-{size}.yaml"
    if size == "shipped":
        shutil.copyfile(ROOT / "workplan.yaml", path)
        return path, "9.3"
    count, commented = (size[:-1], COMMENTS) if size.endswith("c") else (size, 0)
    if not path.exists():
        path.write_text(generate(int(count), seed=1, comments=commented), encoding="utf-8")
    return path, "5.1"


def job(name: str, path: Path, item: str, env: dict[str, str]) -> Job:
    """The run of command `name` on the plan at `path`: arguments, what to do before, env.

    `archive` archives the same activity of a fresh copy every time; `restore` restores it
    into a fresh copy of the archived file; a "(cold)" command runs without the cache; a
    table, in colour."""
    argv = CRMPLAN + [a.replace("{id}", item) for a in COMMANDS[name][0]] + ["-f", str(path)]
    if name.endswith("(cold)"):
        env = {**env, "CRMPLAN_NO_CACHE": "1"}
    if name.startswith("archive"):
        pristine = path.read_bytes()
        return argv, lambda: path.write_bytes(pristine), env
    if name == "restore":
        pristine = path.read_bytes()
        subprocess.run(CRMPLAN + ["archive", item, "-f", str(path)], env=env, check=True,
                       capture_output=True)
        archived = path.read_bytes()
        path.write_bytes(pristine)
        return argv, lambda: path.write_bytes(archived), env
    if name.endswith("(cold)"):
        return argv, None, env
    if name in TABLES:  # as on a terminal: rich draws the lines in colour
        return argv, None, {**{k: v for k, v in env.items() if k != "NO_COLOR"},
                            "FORCE_COLOR": "1"}
    return argv, None, env


def run_size(size: str, runs: int, env: dict[str, str], folder: Path) -> dict:  # type: ignore[type-arg]
    """Every command on a plan of `size`. On the shipped plan each run is paired with a run
    of the floor; on a commented plan ("1000c"), with the same command on the same plan
    without comments ("1000")."""
    path, item = plan_for(size, folder)
    plain = plan_for(size[:-1], folder) if size.endswith("c") else None
    pristine = {each: each.read_bytes() for each, _item in filter(None, [(path, item), plain])}
    results = {}
    for name in COMMANDS:
        paired: Job | None = None
        if size == "shipped":
            paired = (FLOOR, None, env)
        elif plain is not None:
            paired = job(name, *plain, env)
        results[name] = measure(job(name, path, item, env), runs, paired)
        if paired is not None:  # "floor" on the shipped plan, "uncommented" on a "1000c"
            results[name]["floor" if plain is None else "uncommented"] = \
                results[name].pop("paired")
        for each, data in pristine.items():  # archive and restore leave them changed
            each.write_bytes(data)
    results["archive diff"] = archive_diff(path, item, env)  # type: ignore[assignment]
    if shutil.which("yq"):
        results["yq"] = measure((["yq", YQ_QUERY, str(path)], None, env), runs)
    results["bytes"] = path.stat().st_size  # type: ignore[assignment]
    return results


def archive_diff(path: Path, item: str, env: dict[str, str]) -> dict[str, object]:
    """Archive `item` once and read the change as a reviewer reads `git diff`."""
    before = path.read_text(encoding="utf-8")
    subprocess.run(CRMPLAN + ["archive", item, "--date", "2026-11-28", "-f", str(path)],
                   env=env, check=True, capture_output=True)
    after = path.read_text(encoding="utf-8")
    path.write_text(before, encoding="utf-8")
    return changed_lines(before, after)


def changed_lines(before: str, after: str) -> dict[str, object]:
    """Where the texts differ (hunks), the lines taken out and put in, and whether every line
    taken out (its status, and the plan's `updated` date that every edit sets, aside) is put back
    elsewhere: only the moved lines changed."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    out = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    put = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    moved = all(line in put or line.lstrip().startswith(("status:", "updated:")) for line in out)
    return {"hunks": sum(line.startswith("@@") for line in diff), "out": len(out),
            "in": len(put), "only moved": moved and len(out) > 0}


def report(data: dict) -> str:  # type: ignore[type-arg]
    """The table: medians per plan, then each ratio that the plans measured allow."""
    sizes = data["sizes"]
    largest = max(sizes, key=lambda size: sizes[size]["bytes"])
    floor = data["floor"]["median"]
    columns = [_Ratio("x floor", 7, _to_floor, "shipped" in sizes),
               _Ratio("10k/1k", 6, _growth, "1000" in sizes and "10000" in sizes),
               _Ratio("comments", 8, lambda s, name: s["1000c"][name]["ratio"], "1000c" in sizes),
               _Ratio("x yq (largest)", 6, lambda s, name: _to_yq(s[largest], name),
                      "yq" in sizes[largest])]
    columns = [column for column in columns if column.shown]
    lines = [(f"floor (python -c 'import typer, ruamel.yaml'): {floor * 1000:.0f} ms; x floor: "
              "on the shipped plan, to the floor run just before each run"), "",
             f"{'command':18}" + "".join(f"{size:>10}" for size in sizes) + "".join(
                 f"  {column.title}" + ("  target" if column.title == "x floor" else "")
                 for column in columns)]
    for name, (_args, target) in COMMANDS.items():
        row = f"{name:18.18}" + "".join(f"{sizes[size][name]['median'] * 1000:8.0f}ms"
                                     for size in sizes)
        for column in columns:
            row += f"  {column.value(sizes, name):{max(column.width, len(column.title))}.2f}"
            if column.title == "x floor":
                row += f"  {target:>6}" if target else "        "
        lines.append(row)
    peak = max(sizes[largest][name]["peak_kb"] for name in COMMANDS)  # crmplan's, not yq's
    change = sizes[largest]["archive diff"]
    moved = "only the moved lines" if change["only moved"] else "NOT only the moved lines"
    lines += ["", (f"largest plan: {sizes[largest]['bytes'] / 1e6:.2f} MB, peak memory of "
                   f"crmplan {peak / 1024:.0f} MB"),
              (f"archive on it: {change['out']} lines out, {change['in']} in, "
               f"{change['hunks']} places: {moved}")]
    if "yq" in sizes[largest]:
        lines.append(f"yq on it: {sizes[largest]['yq']['median'] * 1000:.0f} ms")
    return "\n".join(lines)


class _Ratio(NamedTuple):
    title: str
    width: int
    value: Callable[[dict, str], float]  # type: ignore[type-arg]
    shown: bool


def _to_floor(sizes: dict, name: str) -> float:  # type: ignore[type-arg]
    return sizes["shipped"][name]["ratio"]  # each run to the floor's run before it


def _growth(sizes: dict, name: str) -> float:  # type: ignore[type-arg]
    return sizes["10000"][name]["median"] / sizes["1000"][name]["median"]


def _to_yq(size: dict, name: str) -> float:  # type: ignore[type-arg]
    return size[name]["median"] / size["yq"]["median"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="shipped,1000,1000c,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--paired-runs", type=int, default=25,
                        help="runs on the plans whose ratios are the targets: the shipped plan "
                             "(to the floor) and 1000c (to 1000); default: 25")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "CRMPLAN_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1",
               "COLUMNS": "100"}
        for name in ("CRMPLAN_NO_CACHE", "FORCE_COLOR", "TTY_COMPATIBLE"):  # the shell's own
            env.pop(name, None)
        # As installed by pip: with bytecode. (Without it every start compiles crmplan anew.)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "crm_plan")], check=True)
        data = {"floor": measure((FLOOR, None, env), args.paired_runs), "sizes": {}}
        for size in args.sizes.split(","):
            runs = args.paired_runs if size in ("shipped", "1000c") else args.runs
            data["sizes"][size] = run_size(size, runs, env, folder)
    print(report(data))
    if args.json:
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
