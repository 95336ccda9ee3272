"""What the ``diff`` command and the compatibility step of ``check`` do, apart from Click."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from embedding_contract.core.errors import DiffInputError
from embedding_contract.core.exitcodes import ExitCode
from embedding_contract.core.versions import Bump
from embedding_contract.diff.gate import Options, Report, compare, run_gate
from embedding_contract.diff.report import render, rules_listing, text_lines
from embedding_contract.diff.semantic.drafts import Draft, draft_of, parse_draft, translate
from embedding_contract.diff.sources import Release, load_source, match_single

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def as_2020_12(release: Release, default: Draft) -> Release:
    """``release`` with each document of an older draft (its ``$schema``, else ``default``)
    rewritten in 2020-12 keywords, so the rules and the witness search read one dialect."""
    def one(doc: Any) -> Any:
        draft = draft_of(doc, default)
        if draft is Draft.D2020_12 or not isinstance(doc, Mapping):
            return doc
        return {**translate(doc, draft), "$schema": DIALECT}

    return dataclasses.replace(release, documents={k: one(v) for k, v in
                                                   release.documents.items()})


def diff_report(old: str, new: str, options: Options, schemas_dir: Path,
                default_draft: str = "2020-12") -> Report:
    """``diff OLD NEW``: exit code 1 when a finding breaks under the mode."""
    try:
        draft = parse_draft(default_draft)
    except ValueError as exc:
        raise DiffInputError(str(exc)) from exc
    old_release, new_release = match_single(load_source(old, schemas_dir),
                                            load_source(new, schemas_dir))
    old_release, new_release = as_2020_12(old_release, draft), as_2020_12(new_release, draft)
    comparison = compare(old_release, new_release, options)
    if comparison.actual is not None and comparison.actual is not Bump.NONE:
        comparison.message += (f" ({old_release.version} -> {new_release.version} is a "
                               f"{comparison.actual} bump)")
    report = Report(False, options)
    report.comparisons.append(comparison)
    return report


def run_diff(old: str | None, new: str | None, *, against_release: bool, options: Options,
             output_format: str, list_rules: bool, schemas_dir: Path, version: str,
             base_url: str, default_draft: str = "2020-12") -> tuple[str, ExitCode]:
    """The output and exit code of ``embedding-contract diff``; raises DiffInputError (exit 2)."""
    if list_rules:
        if old or new or against_release:
            raise DiffInputError("--list-rules takes no other arguments")
        return rules_listing(output_format), ExitCode.OK
    if against_release:
        if old or new:
            raise DiffInputError("--against-release compares the current models with the "
                                 "released schemas: give no OLD/NEW")
        report = run_gate(schemas_dir, version, base_url, options)
    else:
        if not old or not new:
            raise DiffInputError("give OLD and NEW (a schema file, a version folder or "
                                 "git:REF), or --against-release, or --list-rules")
        if options.transitive:
            raise DiffInputError("--transitive needs --against-release")
        report = diff_report(old, new, options, schemas_dir, default_draft)
    return render(report, output_format), report.exit_code


def gate_for_check(schemas_dir: Path, version: str, base_url: str) -> tuple[list[str], bool]:
    """The compatibility step of ``embedding-contract check``: lines to print, and failed?
    Unreadable input raises UsageError (exit 2)."""
    from embedding_contract.diff.gate import load_options

    report = run_gate(schemas_dir, version, base_url, load_options())
    lines = text_lines(report, only_breaking=True)
    if not report.comparisons:
        lines = [f"ok   {n}" for n in report.notes] + [
            line for line in lines if not line.startswith("note: ")]
    return lines, report.exit_code is not ExitCode.OK
