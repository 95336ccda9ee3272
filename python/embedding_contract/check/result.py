"""The outcome of judging one config file: its located issues, or why it could not be judged."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from embedding_contract.core.exitcodes import ExitCode

if TYPE_CHECKING:  # kept out of start-up: the CLI imports this module to build its options
    from embedding_contract.check.validation import Issue
    from embedding_contract.core.errors import LoadError


@dataclass(frozen=True)
class Located:
    """An issue and the 1-based position of the value it is about (None when unknown)."""

    issue: Issue
    line: int | None
    column: int | None


@dataclass(frozen=True)
class FileReport:
    """The outcome for one file: a load/usage error, or the located issues (none when valid).

    ``skipped`` marks a file that names no model when the caller asked to skip those.
    """

    file: str
    model: str | None
    issues: tuple[Located, ...] = ()
    error: LoadError | None = None
    hint: str | None = None
    skipped: bool = False
    more: int = 0
    """Issues found beyond the ones kept (``--max-errors``)."""
    more_at_least: bool = False
    """Counting stopped: ``more`` is a lower bound."""

    @property
    def more_text(self) -> str | None:
        """``N more errors not shown`` when issues were left out."""
        if not self.more and not self.more_at_least:
            return None
        count = f"at least {self.more}" if self.more_at_least else f"{self.more}"
        plural = "s" if self.more != 1 or self.more_at_least else ""
        return f"{count} more error{plural} not shown (raise --max-errors)"

    @property
    def exit_code(self) -> ExitCode:
        if self.error is not None:
            return ExitCode.USAGE
        return ExitCode.FAILED if self.issues or self.more else ExitCode.OK


def worst(reports: Iterable[FileReport]) -> ExitCode:
    """The exit code of a run over several files: unreadable wins over invalid."""
    return max((r.exit_code for r in reports), default=ExitCode.OK)
