"""Judge config files end to end: load, pick the model, validate, locate each error."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from embedding_contract.check.result import FileReport, Located
from embedding_contract.core.errors import ContractError, LoadError

if TYPE_CHECKING:
    from embedding_contract.check.document import Document
    from embedding_contract.vocabulary.violation import Path as InstancePath

NO_MODEL_HINT = ("pass --model NAME (see `embedding-contract models`) or start the file with "
                 "`# yaml-language-server: $schema=<schema URL>`")
CONFIG_SUFFIXES = (".yaml", ".yml", ".json")
MAX_ERRORS = 100
"""Errors reported per file by default; a count stands for the rest."""


def judge_file(path: Path | str, model_name: str | None, *, substitute_env: bool = True,
               max_bytes: int | None = None, skip_unnamed: bool = False,
               max_errors: int = MAX_ERRORS) -> FileReport:
    """Load ``path`` and validate it against ``model_name`` (or the model the file names)."""
    from embedding_contract.check.loader import MAX_BYTES, load_file

    name = str(path)
    try:
        document = load_file(path, substitute_env=substitute_env, max_bytes=max_bytes or MAX_BYTES,
                             lazy=True)
    except LoadError as exc:
        if skip_unnamed and model_name is None and _foreign(path):
            return FileReport(name, None, skipped=True)
        return FileReport(name, model_name, error=exc)
    return judge_document(document, model_name, skip_unnamed=skip_unnamed, max_errors=max_errors)


def judge_folder(folder: Path) -> list[FileReport]:
    """Every config file under ``folder`` (YAML or JSON, at any depth), judged by the model it
    names, in path order; none when the folder does not exist."""
    if not folder.is_dir():
        return []
    return [judge_file(path, None) for path in sorted(folder.rglob("*"))
            if path.suffix in CONFIG_SUFFIXES]


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


def judge_document(document: Document, model_name: str | None, *,
                   skip_unnamed: bool = False, max_errors: int = MAX_ERRORS) -> FileReport:
    """Validate a loaded document against ``model_name`` or the model it names itself."""
    from embedding_contract.check.collect import collect
    from embedding_contract.check.fast import verdict as fast_verdict
    from embedding_contract.check.json_source import LazyPositions, too_deep
    from embedding_contract.check.loader import MAX_DEPTH
    from embedding_contract.check.naming import (
        declared_reference,
        model_from_reference,
        names_contract_family,
    )

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
        if fast_verdict(model, data):
            return FileReport(name, model)
        lazy = isinstance(document.positions, LazyPositions)
        if lazy and too_deep(data, MAX_DEPTH):
            document.settle()  # the strict reader's refusal, with its position
        found = collect(model, data, max_errors)
        issues = found.issues
        if lazy and isinstance(document.positions, LazyPositions):
            # Positions only for the errors reported: the first ones in the file.
            order = _DocumentOrder(data)
            issues = sorted(issues, key=lambda i: order.key(i.path))[:max_errors]
            document.positions.load(i.path[:len(order.key(i.path))] for i in issues)
    except LoadError as exc:  # refused by the deferred strict read
        return FileReport(name, model, error=exc)
    except ContractError as exc:
        error = LoadError(str(exc), file=name)
        error.__cause__ = exc  # kept for a debugger, as `raise ... from exc` would
        return FileReport(name, model, error=error)
    located = []
    for issue in issues:
        where = document.locate(issue.path)
        located.append(Located(issue, *(where or (None, None))))
    located.sort(key=_position)
    return FileReport(name, model, tuple(located[:max_errors]),
                      more=max(0, len(found.issues) - max_errors),
                      more_at_least=found.counting_stopped)


class _DocumentOrder:
    """Where a path comes in a parsed JSON document (objects keep their keys' order), without
    its source positions: a parent before its members, members in the file's order."""

    def __init__(self, data: Any) -> None:
        self._data = data
        self._indexes: dict[int, dict[str, int]] = {}

    def key(self, path: InstancePath) -> tuple[int, ...]:
        out, node = [], self._data
        for step in path:
            if isinstance(node, dict) and step in node:
                index = self._indexes.get(id(node))
                if index is None:
                    index = self._indexes[id(node)] = {k: i for i, k in enumerate(node)}
                out.append(index[step])  # type: ignore[index]
                node = node[step]
            elif (isinstance(node, list) and isinstance(step, int)
                  and 0 <= step < len(node)):
                out.append(step)
                node = node[step]
            else:
                break
        return tuple(out)


def _position(x: Located) -> tuple[int, int, str, str]:
    big = 1 << 62  # unknown places last
    return (x.line or big, x.column or big, x.issue.location, x.issue.rule)
