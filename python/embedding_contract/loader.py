"""Load YAML and JSON config files safely, keeping each value's source position.

Like upstream's loader (``yaml.safe_load`` after substituting ``$VAR`` / ``${VAR}`` from the
environment, unknown names left alone), but stricter where upstream was silently wrong:
- duplicate keys, NaN/Infinity, non-standard tags, several documents: errors, with positions;
- ``1e-3`` is a float (PyYAML's YAML 1.1 rules would read it as the string "1e-3");
  ``424_241`` stays an integer, as upstream's configs write it;
- substitution happens inside scalars after parsing, so a variable can never inject YAML, and a
  plain scalar is typed after substitution (``dim: $DIM`` with DIM=8 is the integer 8);
- sizes are bounded: the file, the nesting depth and the number of values after alias expansion.
"""

from __future__ import annotations

import getpass
import json
import math
import os
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from .errors import LoadError
from .rules.violation import Path

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 200
MAX_VALUES = 1_000_000

_FLOAT_WITH_EXPONENT = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB]")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
}


@dataclass(frozen=True)
class Document:
    """A parsed config: its data, where it came from, and the position of each value."""

    data: Any
    file: str
    positions: Mapping[Path, tuple[int, int]] = field(default_factory=dict, repr=False)
    text: str | None = field(default=None, repr=False)

    def locate(self, path: Path) -> tuple[int, int] | None:
        """1-based (line, column) of the value at ``path``, or of its nearest parent that exists."""
        positions = self.positions or _json_positions(self.text)
        for end in range(len(path), -1, -1):
            found = positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


def environment() -> dict[str, str]:
    """What ``$NAME`` may name: the process environment plus ``USER``, as upstream."""
    env = dict(os.environ)
    env.setdefault("USER", _user())
    return env


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system: leave $USER alone
        return "$USER"


def load_file(path: str | os.PathLike[str], *, substitute_env: bool = True,
              max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse one config file (``.json`` as JSON, anything else as YAML)."""
    name = os.fspath(path)
    fs_path = FsPath(name)
    try:
        if fs_path.is_dir():
            raise LoadError("is a directory, not a config file", file=name)
        size = fs_path.stat().st_size
        if size > max_bytes:
            raise LoadError(f"file is {size} bytes, over the limit of {max_bytes} "
                            "(raise it with --max-bytes)", file=name)
        raw = fs_path.read_bytes()
    except FileNotFoundError:
        raise LoadError("no such file", file=name) from None
    except PermissionError:
        raise LoadError("permission denied", file=name) from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}", file=name) from None
    return loads(raw, file=name, substitute_env=substitute_env,
                 as_json=fs_path.suffix.lower() == ".json")


def loads(raw: bytes | str, *, file: str = "<input>", substitute_env: bool = True,
          as_json: bool = False, env: Mapping[str, str] | None = None) -> Document:
    """Parse config text; ``as_json`` picks the strict JSON parser instead of YAML."""
    text = _decode(raw, file) if isinstance(raw, bytes) else raw
    if not text.strip():
        raise LoadError("file is empty", file=file)
    if "\x00" in text:
        raise LoadError("file holds NUL bytes: not a text config", file=file)
    if as_json:
        return Document(_parse_json(text, file), file, {}, text)
    variables = (environment() if env is None else dict(env)) if substitute_env else None
    return _YamlReader(text, file, variables).read()


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError("file starts with a UTF-8 byte-order mark; save it without one", file=file)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("file is UTF-16; save it as UTF-8", file=file)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError(f"not valid UTF-8 (byte {exc.start})", file=file, line=line) from None


# --- JSON -------------------------------------------------------------------------------------

def _parse_json(text: str, file: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise LoadError(f"duplicate key {key!r}", file=file,
                                **_json_key_position(text, key))
            out[key] = value
        return out

    def constant(token: str) -> Any:
        raise LoadError(f"{token} is not a JSON number; the contract takes finite numbers only",
                        file=file)

    def number(token: str) -> float:
        value = float(token)
        if math.isinf(value):
            raise LoadError(f"number {token[:40]} is too large for a 64-bit float", file=file)
        return value

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant,
                          parse_float=number)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON: {exc.msg}", file=file, line=exc.lineno,
                        column=exc.colno) from None
    except RecursionError:
        raise LoadError("nesting is too deep", file=file) from None
    except ValueError as exc:  # e.g. an integer over Python's digit limit
        raise LoadError(f"invalid JSON number: {str(exc).split(';')[0]}", file=file) from None
    if _SURROGATE_ESCAPE.search(text):
        _reject_surrogates(data, file)
    return data


def _json_key_position(text: str, key: str) -> dict[str, int]:
    """Position of the last occurrence of a key in JSON text (for a duplicate-key error)."""
    index = text.rfind(json.dumps(key))
    if index < 0:
        return {}
    line = text.count("\n", 0, index) + 1
    return {"line": line, "column": index - (text.rfind("\n", 0, index) + 1) + 1}


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


def _json_positions(text: str | None) -> dict[Path, tuple[int, int]]:
    """Positions in JSON text, found by reading it as YAML (JSON is YAML's flow style)."""
    if not text:
        return {}
    try:
        return _YamlReader(text, "<json>", None).read().positions  # type: ignore[return-value]
    except LoadError:
        return {}


# --- YAML -------------------------------------------------------------------------------------

def _loader_class() -> Any:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class ContractLoader(base):  # type: ignore[misc, valid-type]
        pass

    # Dates stay strings (JSON has no dates); 1e-3 is a float.
    ContractLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    ContractLoader.add_implicit_resolver(
        "tag:yaml.org,2002:float", _FLOAT_WITH_EXPONENT, list("-+0123456789"))
    return ContractLoader


_LOADER: Any = None


class _YamlReader:
    def __init__(self, text: str, file: str, env: dict[str, str] | None) -> None:
        self.text, self.file, self.env = text, file, env
        self.positions: dict[Path, tuple[int, int]] = {}
        self.values = 0

    def fail(self, message: str, node: Any) -> LoadError:
        mark = node.start_mark
        return LoadError(message, file=self.file, line=mark.line + 1, column=mark.column + 1)

    def read(self) -> Document:
        import yaml

        global _LOADER
        if _LOADER is None:
            _LOADER = _loader_class()
        self.loader = _LOADER(self.text)
        try:
            self.check_depth()
            root = self.loader.get_single_node()
        except yaml.composer.ComposerError as exc:
            if "expected a single document" in str(exc):
                raise LoadError("holds several YAML documents; put one config per file",
                                file=self.file, **_mark(exc.problem_mark)) from None
            raise _yaml_error(exc, self.file) from None
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, self.file) from None
        except RecursionError:
            raise LoadError("nesting is too deep", file=self.file) from None
        finally:
            self.loader.dispose()
        if root is None:
            raise LoadError("holds no YAML document", file=self.file)
        data = self.build(root, (), 0)
        return Document(data, self.file, self.positions, self.text)

    def check_depth(self) -> None:
        """Refuse deep nesting before composing: libyaml's composer recurses in C and would
        crash the process, not raise. Nesting depth is at most the number of flow brackets plus
        the longest line (each block level takes at least one character of its line), so the
        event scan runs only for documents that could be deep."""
        import yaml

        text = self.text
        bound = text.count("[") + text.count("{") + max(map(len, text.splitlines()), default=0)
        if bound <= MAX_DEPTH:
            return
        depth = 0
        for event in yaml.parse(text, Loader=type(self.loader)):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise LoadError(f"nesting is deeper than {MAX_DEPTH} levels", file=self.file,
                                    **_mark(event.start_mark))
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1

    def build(self, node: Any, path: Path, depth: int) -> Any:
        import yaml

        if depth > MAX_DEPTH:
            raise self.fail(f"nesting is deeper than {MAX_DEPTH} levels", node)
        self.values += 1
        if self.values > MAX_VALUES:
            raise self.fail(f"document expands to more than {MAX_VALUES} values "
                            "(aliases repeated too often?)", node)
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _STANDARD_TAGS and not (
                isinstance(node, yaml.MappingNode) and node.tag == "tag:yaml.org,2002:merge"):
            raise self.fail(f"YAML tag {node.tag!r} is not allowed in a config", node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.mapping(node, path, depth)

    def mapping(self, node: Any, path: Path, depth: int) -> dict[str, Any]:
        import yaml

        explicit = {id(key) for key, _ in node.value}
        try:
            self.loader.flatten_mapping(node)  # YAML merge keys (<<), as safe_load does
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, self.file) from None
        out: dict[str, Any] = {}
        seen_explicit: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail("a mapping key must be a plain string", key_node)
            key = self.scalar(key_node)
            if not isinstance(key, str):
                raise self.fail(f"mapping key {key_node.value!r} must be a string", key_node)
            if id(key_node) in explicit:
                if key in seen_explicit:
                    raise self.fail(f"duplicate key {key!r}", key_node)
                seen_explicit.add(key)
            child = (*path, key)
            self.positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def scalar(self, node: Any) -> Any:
        import yaml

        value, tag = node.value, node.tag
        if self.env is not None and "$" in value:
            substituted = string.Template(value).safe_substitute(self.env)
            if substituted != value:
                value = substituted
                # A plain scalar is typed after substitution, as upstream substituted text.
                if not node.style:
                    tag = self.loader.resolve(yaml.ScalarNode, value, (True, False))
        if tag == "tag:yaml.org,2002:str":
            return value
        if tag == "tag:yaml.org,2002:null":
            return None
        probe = yaml.ScalarNode(tag, value, node.start_mark, node.end_mark)
        try:
            if tag == "tag:yaml.org,2002:bool":
                return self.loader.construct_yaml_bool(probe)
            if tag == "tag:yaml.org,2002:int":
                return self.loader.construct_yaml_int(probe)
            number = self.loader.construct_yaml_float(probe)
        except ValueError as exc:
            raise self.fail(f"invalid number {value[:40]!r}: {str(exc).split(';')[0]}",
                            node) from None
        if not math.isfinite(number):
            raise self.fail(f"{value!r} is not a finite number; the contract takes finite "
                            "numbers only", node)
        return number


def _mark(mark: Any) -> dict[str, int]:
    return {"line": mark.line + 1, "column": mark.column + 1} if mark is not None else {}


def _yaml_error(exc: Any, file: str) -> LoadError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    return LoadError(message, file=file, **_mark(mark))
