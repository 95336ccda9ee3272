"""Strict JSON in and deterministic JSON out, for every file the package reads or writes.

Strict means RFC 8259 and I-JSON: UTF-8, no ``NaN``/``Infinity`` tokens, no number that overflows
to infinity, no duplicate keys, and nesting bounded by :data:`MAX_DEPTH`. Config files have their
own reader with positions (:mod:`embedding_contract.check.json_source`); schemas, indexes and
caches go through :func:`parse`.
"""

from __future__ import annotations

import json
import math
from typing import Any

from embedding_contract.core.errors import JsonError

MAX_DEPTH = 200
"""Deepest nesting of arrays and objects accepted."""


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not JSON")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _finite(token: str) -> float:
    value = float(token)
    if math.isinf(value):
        raise ValueError(f"number {token[:40]} is outside the range of a double")
    return value


def _depth_ok(text: str, limit: int) -> bool:
    """Whether brackets outside strings nest at most ``limit`` deep (before json recurses)."""
    if text.count("[") + text.count("{") <= limit:
        return True
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return False
        elif char in "]}":
            depth -= 1
    return True


def parse(data: bytes | str, origin: str) -> Any:
    """Parse strict JSON; :class:`JsonError` (naming ``origin``) for anything else."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise JsonError(f"{origin}: not UTF-8 ({exc.reason} at byte {exc.start})",
                        origin=origin) from exc
    if not _depth_ok(text, MAX_DEPTH):
        raise JsonError(f"{origin}: nested deeper than {MAX_DEPTH} levels", origin=origin)
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_finite,
                          object_pairs_hook=_no_duplicates)
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise JsonError(f"{origin}: not valid JSON ({exc})", origin=origin) from exc
    except RecursionError as exc:
        raise JsonError(f"{origin}: nested too deeply", origin=origin) from exc


def render(document: Any) -> bytes:
    """The one canonical serialization of what the package writes: sorted keys, two-space
    indent, UTF-8, a final newline; byte-identical on every run and machine."""
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
