"""Problems found in a plan file: plain data, sorted by position, formatted by the CLI."""

from enum import Enum
from typing import NamedTuple

from crm_plan.messages import N_, _
from crm_plan.text import visible


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """The word shown in the text format, in the user's language (json keeps `value`)."""
        return _(_SEVERITY_LABELS[self.value])


_SEVERITY_LABELS = {"error": N_("error"), "warning": N_("warning")}


class Problem(NamedTuple):  # sorted by position, as a tuple
    path: str
    line: int  # 1-based, as editors count
    col: int  # 1-based
    severity: Severity
    code: str  # short rule name, e.g. "status"
    message: str

    def __str__(self) -> str:
        """`plan.yaml:212:9: error: ... [status]`, on one line and safe to print: a control
        character in the file name or in a value the message quotes is shown as an escape."""
        where = f"{visible(self.path, lines=False)}:{self.line}:{self.col}"
        message = visible(self.message, lines=False)
        return f"{where}: {self.severity.label}: {message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "column": self.col,
                "severity": str(self.severity), "code": self.code, "message": self.message}


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
