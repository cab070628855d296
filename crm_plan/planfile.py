"""Finding and loading the plan file: the user's, or the plan bundled with crmplan.

`read` is the one way from a plan's bytes to its validated plan, used by every command,
by `changes` for earlier versions and by `store` for the plan it changes (and for the
result it is about to write): the cache answers when these bytes were validated before,
else the bytes are parsed and validated once and the answer is cached.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from crm_plan import cache
from crm_plan.acknowledge import acknowledge
from crm_plan.errors import PlanInvalid
from crm_plan.filebytes import read_bytes
from crm_plan.messages import _
from crm_plan.model import Plan
from crm_plan.problems import Problem, Severity, has_errors

if TYPE_CHECKING:
    from crm_plan.source import Source

DEFAULT_NAME = "workplan.yaml"


class PlanLocation(NamedTuple):
    path: Path
    display: str  # how messages name the file
    bundled: bool = False  # the read-only copy shipped inside the package


class LoadedPlan(NamedTuple):
    location: PlanLocation
    text: str  # the file as read (with its BOM, if any)
    readable: bool  # False when the file is not even YAML (then `plan` is empty)
    plan: Plan
    problems: list[Problem]
    source: Source | None = None  # the parsed text, when `read` was asked for it
    acknowledged: int = 0  # warnings acknowledged by a comment in the file (acknowledge.py)

    @property
    def has_errors(self) -> bool:
        return has_errors(self.problems)


def locate(explicit: str | None, cwd: Path | None = None) -> PlanLocation:
    """The file named by --file/CRMPLAN_FILE, else ./workplan.yaml, else the bundled plan."""
    if explicit:
        return PlanLocation(Path(explicit), explicit)
    default = (cwd or Path.cwd()) / DEFAULT_NAME
    if default.exists() or default.is_symlink():
        return PlanLocation(default, DEFAULT_NAME)
    return PlanLocation(bundled_plan_path(), DEFAULT_NAME, bundled=True)


def bundled_plan_path() -> Path:
    """The plan inside the installed package, or the repository's file in a source checkout."""
    from importlib import resources

    packaged = resources.files("crm_plan") / "data" / DEFAULT_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / DEFAULT_NAME


def load(location: PlanLocation) -> LoadedPlan:
    """The plan in the file and its problems."""
    return read(read_bytes(location.path, location.display), location)


def load_checked(location: PlanLocation) -> LoadedPlan:
    """`load`, for `validate`: with a warning when git still counts the file as unmerged in
    an unfinished merge (`unmerged.py`), which depends on git's state rather than on the file's
    bytes, so is never cached nor acknowledged."""
    loaded = load(location)
    if location.bundled:
        return loaded
    from crm_plan import unmerged

    found = unmerged.problems(location.path, location.display)
    return loaded._replace(problems=sorted(found + loaded.problems)) if found else loaded


def load_valid(location: PlanLocation) -> LoadedPlan:
    """Load the plan, refusing (PlanInvalid) when it has errors."""
    return valid(load(location))


def read(data: bytes, location: PlanLocation, *, parsed: bool = False) -> LoadedPlan:
    """The plan of a file's bytes and its problems, from the cache when these bytes were
    validated before. With `parsed`, also its parsed text (`source`), for an edit: the cache
    then spares the validation only."""
    cached = cache.load(data, location.display)
    if cached is not None and not parsed:
        plan, problems = cached
        text = data.decode("utf-8")
        problems, acknowledged = acknowledge(text, problems)
        return LoadedPlan(location, text, True, plan, problems, acknowledged=acknowledged)
    from crm_plan.source import from_bytes  # the parser, only when the cache cannot answer

    source = from_bytes(data, location.display)
    if cached is not None:
        plan, problems = cached
    else:
        from crm_plan.validate import validate

        plan, problems = validate(source)
        if source.root is not None:
            cache.save(data, location.display, plan, problems)
    problems, acknowledged = acknowledge(source.text, problems)
    return LoadedPlan(location, source.text, source.root is not None, plan, problems, source,
                      acknowledged)


def valid(loaded: LoadedPlan) -> LoadedPlan:
    """`loaded`, or the refusal (PlanInvalid) of a plan with errors, which lists them."""
    if loaded.has_errors:
        raise invalid(_("{path} has errors; fix them first (crmplan validate lists them)")
                      .format(path=loaded.location.display), loaded.problems)
    return loaded


def invalid(message: str, problems: list[Problem]) -> PlanInvalid:
    """A refusal that shows the errors among `problems` (the warnings do not matter then)."""
    return PlanInvalid(message, [p for p in problems if p.severity is Severity.ERROR])
