"""The reports of ``validate`` and ``check``: text, GitHub workflow commands, and JSON.

Every line stays one line: control characters, line separators and lone surrogates (from
undecodable file names or environment values) are escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from embedding_contract.check.result import FileReport
from embedding_contract.core.annotations import command, printable
from embedding_contract.core.exitcodes import ExitCode

FORMATS = ("text", "json", "github")
MORE_RULE = "more-errors"


@dataclass(frozen=True)
class Line:
    """One line (or block) of output and the stream it goes to."""

    text: str
    to_stderr: bool = False


def _hint(report: FileReport) -> str:
    return f" ({report.hint})" if report.hint else ""


def text_lines(report: FileReport) -> list[str]:
    """``FILE:LINE:COL: path: message [rule]`` per issue, or ``FILE[:LINE[:COL]]: message``."""
    if report.error is not None:
        return [printable(str(report.error) + _hint(report))]
    lines = [printable(f"{report.file}:{x.line or 1}:{x.column or 1}: {x.issue.location}: "
                       f"{x.issue.message} [{x.issue.rule}]") for x in report.issues]
    if report.more_text:
        lines.append(printable(f"{report.file}: {report.more_text}"))
    return lines


def github_lines(report: FileReport) -> list[str]:
    """One ``::error`` workflow command per issue, or one for the load error."""
    if report.error is not None:
        e = report.error
        return [printable(command("error", e.message + _hint(report), file=report.file,
                                  line=e.line or 1, col=e.column or 1,
                                  title="unreadable config"))]
    lines = [printable(command("error", f"{x.issue.location}: {x.issue.message}",
                               file=report.file, line=x.line or 1, col=x.column or 1,
                               title=x.issue.rule))
             for x in report.issues]
    if report.more_text:
        lines.append(printable(command("error", report.more_text, file=report.file,
                                       title=MORE_RULE)))
    return lines


def _no_surrogates(text: str) -> str:
    return re.sub(r"[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)


def json_entries(report: FileReport) -> list[dict[str, Any]]:
    """``{"file", "model", "line", "column", "path", "rule", "message"}`` per issue; a load error
    has ``"rule": "load-error"`` and ``"path": null``; issues left out by ``--max-errors``, one
    entry with ``"rule": "more-errors"``."""
    file = _no_surrogates(report.file)
    if report.error is not None:
        return [{"file": file, "model": report.model, "line": report.error.line,
                 "column": report.error.column, "path": None, "rule": "load-error",
                 "message": _no_surrogates(report.error.message + _hint(report))}]
    entries: list[dict[str, Any]] = [
        {"file": file, "model": report.model, "line": x.line, "column": x.column,
         "path": _no_surrogates(x.issue.location), "rule": x.issue.rule,
         "message": _no_surrogates(x.issue.message)}
        for x in report.issues]
    if report.more_text:
        entries.append({"file": file, "model": report.model, "line": None, "column": None,
                        "path": None, "rule": MORE_RULE, "message": report.more_text})
    return entries


def render(reports: Sequence[FileReport], output_format: str) -> list[Line]:
    """The whole output of ``validate`` in ``output_format`` (one of :data:`FORMATS`)."""
    if output_format == "json":
        return [Line(json.dumps([e for r in reports for e in json_entries(r)], indent=2,
                                ensure_ascii=False))]
    if output_format == "github":
        return [Line(line) for r in reports for line in github_lines(r)]
    out = [Line(line, to_stderr=r.exit_code == ExitCode.USAGE)
           for r in reports for line in text_lines(r)]
    checked = [r for r in reports if not r.skipped]
    bad = sum(1 for r in checked if r.exit_code)
    # One file's errors stand alone; a summary only for several files or a clean run.
    if len(reports) > 1 or not bad:
        skipped = len(reports) - len(checked)
        out.append(Line(f"{len(checked) - bad} of {len(checked)} files valid"
                        + (f" ({skipped} naming no model skipped)" if skipped else ""),
                        to_stderr=True))
    return out


def gate_lines(report: FileReport) -> list[str]:
    """The lines of ``check`` for one example: ``ok   FILE (model)`` or ``FAIL`` per error."""
    if report.exit_code:
        return [f"FAIL {line}" for line in text_lines(report)]
    return [f"ok   {report.file} ({report.model})"]
