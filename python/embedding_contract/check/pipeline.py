"""Validate config files end to end: load, pick the model, validate, locate each error."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from embedding_contract.check.validation import Issue
from embedding_contract.core.errors import ContractError, LoadError

if TYPE_CHECKING:
    from embedding_contract.check.loader import Document

EXIT_INVALID = 1
EXIT_USAGE = 2

NO_MODEL_HINT = ("pass --model NAME (see `embedding-contract models`) or start the file with "
                 "`# yaml-language-server: $schema=<schema URL>`")

# Characters that would break a one-line report or a terminal: C0/C1 controls, line and
# paragraph separators, lone surrogates (from undecodable file names or environment values).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every unprintable character escaped, so a report line stays one line."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _no_surrogates(text: str) -> str:
    return re.sub(r"[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True)
class Located:
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
    hint: str | None = field(default=None)
    skipped: bool = False

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return EXIT_USAGE
        return EXIT_INVALID if self.issues else 0

    def text_lines(self) -> list[str]:
        if self.error is not None:
            return [printable(str(self.error) + (f" ({self.hint})" if self.hint else ""))]
        return [printable(f"{self.file}:{x.line or 1}:{x.column or 1}: {x.issue.location}: "
                          f"{x.issue.message} [{x.issue.rule}]") for x in self.issues]

    def github_lines(self) -> list[str]:
        if self.error is not None:
            e = self.error
            return [f"::error file={_property(self.file)},line={e.line or 1},"
                    f"col={e.column or 1},title=unreadable config::"
                    f"{_escape(e.message + (f' ({self.hint})' if self.hint else ''))}"]
        return [f"::error file={_property(self.file)},line={x.line or 1},col={x.column or 1},"
                f"title={_property(x.issue.rule)}::"
                f"{_escape(x.issue.location + ': ' + x.issue.message)}"
                for x in self.issues]

    def as_json(self) -> list[dict[str, Any]]:
        file = _no_surrogates(self.file)
        if self.error is not None:
            message = self.error.message + (f" ({self.hint})" if self.hint else "")
            return [{"file": file, "model": self.model, "line": self.error.line,
                     "column": self.error.column, "path": None, "rule": "load-error",
                     "message": _no_surrogates(message)}]
        return [{"file": file, "model": self.model, "line": x.line, "column": x.column,
                 "path": _no_surrogates(x.issue.location), "rule": x.issue.rule,
                 "message": _no_surrogates(x.issue.message)}
                for x in self.issues]


def _escape(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped as GitHub documents."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def _property(text: str) -> str:
    """A workflow command's property value: also ``:`` and ``,`` escaped."""
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def check_file(path: Path | str, model_name: str | None, *, substitute_env: bool = True,
               max_bytes: int | None = None, skip_unnamed: bool = False) -> FileReport:
    """Load ``path`` and validate it against ``model_name`` (or the model the file names)."""
    from embedding_contract.check.loader import MAX_BYTES, load_file

    name = str(path)
    try:
        document = load_file(path, substitute_env=substitute_env, max_bytes=max_bytes or MAX_BYTES)
    except LoadError as exc:
        if skip_unnamed and model_name is None and _foreign(path):
            return FileReport(name, None, skipped=True)
        return FileReport(name, model_name, error=exc)
    return check_document(document, model_name, skip_unnamed=skip_unnamed)


def _foreign(path: Path | str) -> bool:
    """A readable file that does not parse as a config and names no contract schema (a GitHub
    workflow's ``on:`` key, say, is no string in YAML 1.1): not ours to judge."""
    from embedding_contract.check.naming import mentions_contract

    try:
        if not os.path.isfile(path):  # a missing path, a directory, a FIFO: report it
            return False
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except (OSError, ValueError):
        return False
    return not mentions_contract(head.decode("utf-8", errors="replace"))


def check_document(document: Document, model_name: str | None, *,
                   skip_unnamed: bool = False) -> FileReport:
    """Validate a loaded document against ``model_name`` or the model it names itself."""
    from embedding_contract.check.fast import verdict as fast_verdict
    from embedding_contract.check.naming import (
        declared_reference,
        model_from_reference,
        names_contract_family,
    )
    from embedding_contract.check.validation import validate

    name = document.file
    data = document.data
    reference = declared_reference(document.text, data)
    model = model_name
    if model is None:
        model = model_from_reference(reference) if reference else None
        if model is None:
            if skip_unnamed and (reference is None or not names_contract_family(reference)):
                return FileReport(name, None, skipped=True)
            why = (f"its schema reference {reference!r} names none of the contract's models"
                   if reference else "it names no model")
            return FileReport(name, None, error=LoadError(why, file=name), hint=NO_MODEL_HINT)
    if isinstance(data, dict) and "$schema" in data:
        data = {k: v for k, v in data.items() if k != "$schema"}
    try:
        # A valid config (the common case, in pre-commit say) is judged without Pydantic.
        issues = [] if fast_verdict(model, data) else validate(model, data)
    except ContractError as exc:
        return FileReport(name, model, error=LoadError(str(exc), file=name))
    located = []
    for issue in issues:
        where = document.locate(issue.path)
        located.append(Located(issue, *(where or (None, None))))
    return FileReport(name, model, tuple(located))
