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
# edited, which reads and validates it from scratch (as yq reads it every time).
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
    "archive": (["archive", "{id}", "--date", "2026-11-28"], 1.6),
    "restore": (["restore", "{id}"], None),
}


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
        result["ratio"] = statistics.median(t / o for t, o in zip(times, others))
    return result


def _time(job: Job) -> tuple[float, int]:
    """Seconds and peak RSS (KB) of one run of a job (its `before` step not counted)."""
    argv, before, env = job
    if before is not None:
        before()
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed: {process.stderr.read().decode()}")
    process.stderr.close()
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
    into a fresh copy of the archived file; a "(cold)" command runs without the cache."""
    argv = CRMPLAN + [a.replace("{id}", item) for a in COMMANDS[name][0]] + ["-f", str(path)]
    if name == "archive":
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
        return argv, None, {**env, "CRMPLAN_NO_CACHE": "1"}
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
    taken out (its status aside) is put back elsewhere: only the moved lines changed."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    out = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    put = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    moved = all(line in put or line.lstrip().startswith("status:") for line in out)
    return {"hunks": sum(line.startswith("@@") for line in diff), "out": len(out),
            "in": len(put), "only moved": moved and len(out) > 0}


def _ratio(data: dict, size: str, base: str, name: str) -> float:  # type: ignore[type-arg]
    return data["sizes"][size][name]["median"] / data["sizes"][base][name]["median"]


def report(data: dict) -> str:  # type: ignore[type-arg]
    sizes = list(data["sizes"])
    floor = data["floor"]["median"]
    lines = [(f"floor (python -c 'import typer, ruamel.yaml'): {floor * 1000:.0f} ms; "
              "x floor: on the shipped plan, to the floor run just before each run"), ""]
    header = f"{'command':18}" + "".join(f"{s:>10}" for s in sizes) + "   x floor  target"
    if "10000" in sizes and "1000" in sizes:
        header += "  10k/1k"
    if "1000c" in sizes:
        header += "  comments"
    if any("yq" in data["sizes"][s] for s in sizes):
        header += "  x yq (largest)"
    lines.append(header)
    for name, (_args, target) in COMMANDS.items():
        row = f"{name:18.18}" + "".join(f"{data['sizes'][s][name]['median'] * 1000:8.0f}ms"
                                     for s in sizes)
        first = data["sizes"][sizes[0]][name]
        # Paired with the floor (the shipped plan), or else against the floor's own runs.
        to_floor = first["ratio"] if "floor" in first else first["median"] / floor
        row += f"   {to_floor:7.2f}  "
        row += f"{target:>6}" if target else "      "
        if "10000" in sizes and "1000" in sizes:
            row += f"  {_ratio(data, '10000', '1000', name):6.1f}"
        if "1000c" in sizes:
            commented = data["sizes"]["1000c"][name]
            row += f"  {commented['ratio']:8.2f}"
        last = data["sizes"][sizes[-1]]
        if "yq" in last:
            row += f"  {last[name]['median'] / last['yq']['median']:6.2f}"
        lines.append(row)
    last = sizes[-1]
    peak = max(v["peak_kb"] for v in data["sizes"][last].values()
               if isinstance(v, dict) and "peak_kb" in v)
    lines += ["", (f"largest plan: {data['sizes'][last]['bytes'] / 1e6:.2f} MB, "
                   f"peak memory {peak / 1024:.0f} MB")]
    change = data["sizes"][last]["archive diff"]
    lines.append(f"archive on it: {change['out']} lines out, {change['in']} in, "
                 f"{change['hunks']} places: "
                 + ("only the moved lines" if change["only moved"] else "NOT only the moved lines"))
    if "yq" in data["sizes"][last]:
        lines.append(f"yq on it: {data['sizes'][last]['yq']['median'] * 1000:.0f} ms")
    return "\n".join(lines)


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
        env.pop("CRMPLAN_NO_CACHE", None)
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
