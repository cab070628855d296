"""The one exception family of crmplan, caught in one place (`cli.main`).

Each class carries the exit code the command line ends with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm_plan.problems import Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class CrmPlanError(Exception):
    """A failure explained to the user by its message; never shown as a traceback."""

    exit_code = EXIT_PROBLEMS


class PlanFileError(CrmPlanError):
    """The plan file cannot be read at all (missing, a directory, unreadable, too large)."""


class PlanInvalid(CrmPlanError):
    """The plan has errors, so the requested operation was refused."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


class UsageError(CrmPlanError):
    """The command was called wrongly: unknown id, actor, status, bad option value."""

    exit_code = EXIT_USAGE


class NotInPlan(UsageError):
    """An id, actor, section or objective that the plan does not have: the message names the
    file that was looked in, since the word may be right and the file the wrong one."""
