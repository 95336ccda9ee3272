"""Validate config files end to end: load, pick the model, validate, locate each error."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ContractError, LoadError
from .validation import Issue

EXIT_INVALID = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Located:
    issue: Issue
    line: int | None
    column: int | None


@dataclass(frozen=True)
class FileReport:
    """The outcome for one file: a load/usage error, or the located issues (none when valid)."""

    file: str
    model: str | None
    issues: tuple[Located, ...] = ()
    error: LoadError | None = None
    hint: str | None = field(default=None)

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return EXIT_USAGE
        return EXIT_INVALID if self.issues else 0

    def text_lines(self) -> list[str]:
        if self.error is not None:
            return [str(self.error) + (f" ({self.hint})" if self.hint else "")]
        return [f"{self.file}:{x.line or 1}:{x.column or 1}: {x.issue.location}: "
                f"{x.issue.message} [{x.issue.rule}]" for x in self.issues]

    def github_lines(self) -> list[str]:
        if self.error is not None:
            e = self.error
            return [f"::error file={self.file},line={e.line or 1},col={e.column or 1},"
                    f"title=unreadable config::{_escape(e.message)}"]
        return [f"::error file={self.file},line={x.line or 1},col={x.column or 1},"
                f"title={x.issue.rule}::{_escape(x.issue.location + ': ' + x.issue.message)}"
                for x in self.issues]

    def as_json(self) -> list[dict[str, Any]]:
        if self.error is not None:
            return [{"file": self.file, "model": self.model, "line": self.error.line,
                     "column": self.error.column, "path": None, "rule": "load-error",
                     "message": self.error.message}]
        return [{"file": self.file, "model": self.model, "line": x.line, "column": x.column,
                 "path": x.issue.location, "rule": x.issue.rule, "message": x.issue.message}
                for x in self.issues]


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def check_file(path: Path, model_name: str | None, *, substitute_env: bool = True,
               max_bytes: int | None = None) -> FileReport:
    """Load ``path`` and validate it against ``model_name`` (or the model the file names)."""
    from .loader import MAX_BYTES, load_file
    from .references import declared_reference, model_from_reference
    from .validation import validate

    name = str(path)
    try:
        document = load_file(path, substitute_env=substitute_env, max_bytes=max_bytes or MAX_BYTES)
    except LoadError as exc:
        return FileReport(name, model_name, error=exc)
    data = document.data
    text = document.text
    reference = declared_reference(text, data)
    model = model_name
    if model is None:
        model = model_from_reference(reference) if reference else None
        if model is None:
            why = (f"its schema reference {reference!r} names none of the contract's models"
                   if reference else "it names no model")
            return FileReport(name, None, error=LoadError(why, file=name), hint=(
                "pass --model NAME (see `embedding-contract models`) or start the file with "
                "`# yaml-language-server: $schema=<schema URL>`"))
    if isinstance(data, dict) and "$schema" in data:
        data = {k: v for k, v in data.items() if k != "$schema"}
    try:
        issues = validate(model, data)
    except ContractError as exc:
        return FileReport(name, model, error=LoadError(str(exc), file=name))
    located = []
    for issue in issues:
        where = document.locate(issue.path)
        located.append(Located(issue, *(where or (None, None))))
    return FileReport(name, model, tuple(located))

