"""Strict JSON config text with the exact position of every value.

One iterative pass over the tokens (the exact grammar of ``json.loads``) records positions and
refuses, with the position, what the contract refuses in well-formed JSON: duplicate keys,
NaN/Infinity, numbers too long or too large for a double, nesting and value counts over the
limits. ``json.loads`` then builds the data, or says why the text is not JSON.

:func:`embedding_contract.core.jsonio.parse` is the strict parser of the files the package
itself reads; configs need this one for its positions and its messages.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from embedding_contract.check.document import Document, Limits, Position, position_of
from embedding_contract.core.errors import LoadError
from embedding_contract.vocabulary.violation import Path

# One token after optional whitespace: exactly the grammar of json.loads (plus NaN/Infinity,
# which json.loads accepts and the contract refuses), so the scan and the parser agree.
_JSON_TOKEN = re.compile(
    r'[ \t\n\r]*(?:'
    r'(?P<string>"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*")'
    r'|(?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)'
    r'|(?P<word>true|false|null|NaN|-?Infinity)'
    r'|(?P<punct>[\[\]{}:,]))')
_VALUE, _FIRST_VALUE, _KEY, _FIRST_KEY, _COLON, _AFTER, _DONE = range(7)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def scan_json(text: str, file: str, limits: Limits,
              wanted: frozenset[Path] | None = None) -> dict[Path, Position] | None:
    """Positions of every value of JSON ``text``, in one iterative pass with bounded memory.

    Raises LoadError, with the position, for what the contract refuses in well-formed JSON.
    Returns None at the first syntax error (json.loads then says why). With ``wanted``, only
    those paths are kept and the scan stops once all are found: for text already parsed and
    checked (the refusals it then skips are made by the parse hooks and :func:`too_deep`).
    """
    positions: dict[Path, Position] = {}
    # One frame per open container: [path, next index (arrays) or keys seen (objects)].
    stack: list[list[Any]] = []
    state = _VALUE
    path: Path = ()  # where the next value goes
    pos, line, line_start, values = 0, 1, 0, 0
    while True:
        match = _JSON_TOKEN.match(text, pos)
        if match is None:
            break
        kind = match.lastgroup or ""
        start, token = match.start(kind), match.group(kind)
        if start > pos and ("\n" in text[pos:start] or "\r" in text[pos:start]):
            gap = text[pos:start]
            line += gap.count("\n") + gap.count("\r") - gap.count("\r\n")
            line_start = pos + max(gap.rfind("\n"), gap.rfind("\r")) + 1
        pos = match.end()
        column = start - line_start + 1
        if state in (_KEY, _FIRST_KEY):
            if kind == "string":
                frame = stack[-1]
                key = json.loads(token)
                if key in frame[1]:
                    raise LoadError(f"duplicate key {key!r}", file=file, line=line,
                                    column=column)
                frame[1].add(key)
                path = (*frame[0], key)
                if wanted is None or path in wanted:
                    positions[path] = (line, column)
                    if wanted is not None and len(positions) == len(wanted):
                        return positions
                state = _COLON
            elif token == "}" and state == _FIRST_KEY:
                stack.pop()
                state = _AFTER if stack else _DONE
            else:
                return None
        elif state == _COLON:
            if token != ":":
                return None
            state = _VALUE
        elif state == _AFTER:
            frame = stack[-1]
            is_object = isinstance(frame[1], set)
            if token == ",":
                if is_object:
                    state = _KEY
                else:
                    frame[1] += 1
                    path, state = (*frame[0], frame[1]), _VALUE
            elif token == ("}" if is_object else "]"):
                stack.pop()
                state = _AFTER if stack else _DONE
            else:
                return None
        elif state in (_VALUE, _FIRST_VALUE):
            if token == "]" and state == _FIRST_VALUE:
                stack.pop()
                state = _AFTER if stack else _DONE
                continue
            if kind == "punct" and token not in "[{":
                return None
            values += 1
            if values > limits.values:
                raise LoadError(f"document holds more than {limits.values} values", file=file,
                                line=line, column=column)
            if wanted is None or (path in wanted and path not in positions):
                positions.setdefault(path, (line, column))
                if wanted is not None and len(positions) == len(wanted):
                    return positions
            if token in ("[", "{"):
                if len(stack) >= limits.depth:
                    raise LoadError(f"nesting is deeper than {limits.depth} levels", file=file,
                                    line=line, column=column)
                if token == "[":
                    stack.append([path, 0])
                    path, state = (*path, 0), _FIRST_VALUE
                else:
                    stack.append([path, set()])
                    state = _FIRST_KEY
                continue
            if kind == "word" and token not in ("true", "false", "null"):
                raise LoadError(f"{token} is not a JSON number; the contract takes finite "
                                "numbers only", file=file, line=line, column=column)
            if kind == "number":
                if len(token) > limits.number_chars:
                    raise LoadError(limits.long_number(token), file=file, line=line,
                                    column=column)
                if any(c in token for c in ".eE") and math.isinf(float(token)):
                    raise LoadError(f"number {token} is too large for a 64-bit float",
                                    file=file, line=line, column=column)
            state = _AFTER if stack else _DONE
        else:  # _DONE: a second value after the document
            return None
    if state != _DONE or text[pos:].strip(" \t\n\r"):
        return None
    return positions


class LazyPositions(Mapping[Path, Position]):
    """The positions of a JSON text, scanned on first use: a valid config never needs them, and
    the scan costs several times the parse. The scan also makes every refusal the strict reader
    makes, with its position; :meth:`Document.settle` runs it."""

    def __init__(self, text: str, file: str, limits: Limits) -> None:
        self._args = (text, file, limits)
        self._found: dict[Path, Position] | None = None

    def _positions(self) -> dict[Path, Position]:
        if self._found is None:
            self._found = scan_json(*self._args) or {}
        return self._found

    def load(self, paths: Iterable[Path]) -> None:
        """Scan only for ``paths`` (each present in the document) and their parents (what
        :meth:`Document.locate` reads), stopping once all are found. Only for text whose parse
        succeeded and that is not :func:`too_deep`: the scan's own refusals are then made."""
        wanted = frozenset(p[:end] for p in paths for end in range(len(p) + 1))
        found = scan_json(*self._args, wanted=wanted) or {}
        self._found = found

    def __getitem__(self, key: Path) -> Position:
        return self._positions()[key]

    def __iter__(self) -> Iterator[Path]:
        return iter(self._positions())

    def __len__(self) -> int:
        return len(self._positions())


def too_deep(data: Any, depth: int) -> bool:
    """Whether parsed ``data`` nests lists and objects deeper than ``depth`` levels."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, level = stack.pop()
        children = (value.values() if isinstance(value, dict)
                    else value if isinstance(value, list) else None)
        if children is None:
            continue
        if level >= depth:
            return True
        stack.extend((child, level + 1) for child in children
                     if isinstance(child, (dict, list)))
    return False


def read_json(text: str, file: str, limits: Limits, *, lazy: bool = False) -> Document:
    """The document of JSON config ``text``; LoadError, with a position where known.

    ``lazy`` defers the position scan (and the refusals only it makes: nesting depth, and the
    value count when a cheap upper bound does not settle it) until the positions are first
    used; the caller must call :meth:`Document.settle` before trusting a document that fails
    validation. A document a closed, non-recursive schema accepts is within the depth limit.
    """
    # Each value but the first follows a comma or opens a container: an upper bound on values.
    if lazy and text.count(",") + text.count("[") + text.count("{") < limits.values:
        try:
            data = _parse(text, file, limits)
        except LoadError:
            pass  # the strict read below refuses it again, with the position
        else:
            return Document(data, file, LazyPositions(text, file, limits), text)
    positions = scan_json(text, file, limits)
    return Document(_parse(text, file, limits), file, positions or {}, text)


def _parse(text: str, file: str, limits: Limits) -> Any:
    """``json.loads`` refusing duplicate keys, NaN/Infinity, long and infinite numbers."""

    # The scan has refused everything the contract refuses in well-formed JSON, with its
    # position; these hooks are the parser's own guard should the two ever disagree.
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            raise LoadError("duplicate key", file=file)
        return out

    def constant(token: str) -> Any:
        raise LoadError(f"{token} is not a JSON number; the contract takes finite numbers only",
                        file=file)

    def number(token: str) -> float:
        if len(token) > limits.number_chars:
            raise LoadError(limits.long_number(token), file=file)
        value = float(token)
        if math.isinf(value):
            raise LoadError(f"number {token} is too large for a 64-bit float", file=file)
        return value

    def integer(token: str) -> int:
        if len(token) > limits.number_chars:
            raise LoadError(limits.long_number(token), file=file)
        return int(token)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant,
                          parse_float=number, parse_int=integer)
    except json.JSONDecodeError as exc:
        line, column = position_of(text, exc.pos)
        raise LoadError(f"invalid JSON: {exc.msg}", file=file, line=line,
                        column=column) from exc
    except RecursionError as exc:
        raise LoadError("nesting is too deep", file=file) from exc
    if _SURROGATE_ESCAPE.search(text):
        _reject_surrogates(data, file)
    return data


def _reject_surrogates(data: Any, file: str) -> None:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if any("\ud800" <= ch <= "\udfff" for ch in value):
                raise LoadError("string holds a lone UTF-16 surrogate escape", file=file)
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
