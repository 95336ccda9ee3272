"""Load YAML and JSON config files safely, keeping each value's source position.

Like upstream's loader (``yaml.safe_load`` after substituting ``$VAR`` / ``${VAR}`` from the
environment, unknown names left alone), but stricter where upstream was silently wrong:
- duplicate keys, NaN/Infinity, non-standard tags, several documents: errors, with positions;
- ``1e-3`` is a float (PyYAML's YAML 1.1 rules would read it as the string "1e-3");
  ``424_241`` stays an integer, as upstream's configs write it;
- substitution happens inside scalars after parsing, so a variable can never inject YAML, and a
  plain scalar is typed after substitution (``dim: $DIM`` with DIM=8 is the integer 8);
- sizes are bounded before anything large is built: the file, the nesting depth, the number of
  values after alias expansion and the length of a number, so time and memory stay bounded.

Positions are 1-based (line, column), columns counted in characters; a line ends at ``\\n``,
``\\r\\n`` or ``\\r``. A member of a mapping is placed at its key, an item of a list at the item.
"""

from __future__ import annotations

import getpass
import json
import math
import os
import re
import stat
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from embedding_contract.core.errors import LoadError
from embedding_contract.vocabulary.violation import Path

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 200
MAX_VALUES = 200_000
# JSON has no aliases and costs far less per value than composed YAML: a 100,000-table config
# (about 700,000 values) must load.
MAX_JSON_VALUES = 2_000_000
MAX_NUMBER_CHARS = 100

Position = tuple[int, int]

_FLOAT_WITH_EXPONENT = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$")
_NOT_BLANK = re.compile(r"\S")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
}
_SCALAR_TAGS = {"tag:yaml.org,2002:" + t for t in ("int", "float", "bool")}


@dataclass(frozen=True)
class Document:
    """A parsed config: its data, where it came from, and the position of each value."""

    data: Any
    file: str
    positions: Mapping[Path, Position] = field(default_factory=dict, repr=False)
    text: str | None = field(default=None, repr=False)

    def locate(self, path: Path) -> Position | None:
        """1-based (line, column) of the value at ``path``, or of its nearest parent that exists."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
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
    raw = _read_bounded(name, max_bytes)
    return loads(raw, file=name, substitute_env=substitute_env,
                 as_json=name.lower().endswith(".json"))


def _read_bounded(name: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing anything but a regular file of at most ``max_bytes``.

    The size is checked on the open descriptor before reading, and the read itself is capped,
    so a file that grows, a device or a FIFO can never make the loader read without end.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise LoadError("no such file", file=name) from None
    except IsADirectoryError:
        raise LoadError("is a directory, not a config file", file=name) from None
    except PermissionError:
        raise LoadError("permission denied", file=name) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise LoadError(f"cannot open: {getattr(exc, 'strerror', None) or exc}",
                        file=name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError("is a directory, not a config file", file=name)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError("is not a regular file", file=name)
        if info.st_size > max_bytes:
            raise LoadError(f"file is {info.st_size} bytes, over the limit of {max_bytes} "
                            "(raise it with --max-bytes)", file=name)
        chunks, left = [], max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise LoadError(f"file grew over the limit of {max_bytes} bytes while being read",
                            file=name)
        return b"".join(chunks)
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}", file=name) from None
    finally:
        os.close(fd)


def loads(raw: bytes | str, *, file: str = "<input>", substitute_env: bool = True,
          as_json: bool = False, env: Mapping[str, str] | None = None) -> Document:
    """Parse config text; ``as_json`` picks the strict JSON parser instead of YAML."""
    text = _decode(raw, file) if isinstance(raw, bytes) else raw
    if _NOT_BLANK.search(text) is None:
        raise LoadError("file is empty", file=file)
    if "\x00" in text:
        raise LoadError("file holds NUL bytes: not a text config", file=file,
                        **_where(text, text.index("\x00")))
    if as_json:
        return _parse_json(text, file)
    variables = (environment() if env is None else dict(env)) if substitute_env else None
    return _YamlReader(text, file, variables).read()


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError("file starts with a UTF-8 byte-order mark; save it without one", file=file)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("file is UTF-16 or UTF-32; save it as UTF-8", file=file)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")  # valid up to the bad byte
        raise LoadError(f"not valid UTF-8 (byte {exc.start})", file=file,
                        **_where(before, len(before))) from None


def _where(text: str, index: int) -> dict[str, int]:
    """Line and column of ``text[index]`` (``\\n``, ``\\r\\n`` and ``\\r`` end a line)."""
    line = text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return {"line": line + 1, "column": index - start + 1}


def _long_number(token: str) -> str:
    return (f"number of {len(token)} characters ({token[:12]}...) is longer than the "
            f"{MAX_NUMBER_CHARS} the contract reads")


# --- JSON -------------------------------------------------------------------------------------

# One token after optional whitespace: exactly the grammar of json.loads (plus NaN/Infinity,
# which json.loads accepts and the contract refuses), so the scan and the parser agree.
_JSON_TOKEN = re.compile(
    r'[ \t\n\r]*(?:'
    r'(?P<string>"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*")'
    r'|(?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)'
    r'|(?P<word>true|false|null|NaN|-?Infinity)'
    r'|(?P<punct>[\[\]{}:,]))')
_VALUE, _FIRST_VALUE, _KEY, _FIRST_KEY, _COLON, _AFTER, _DONE = range(7)


def _scan_json(text: str, file: str) -> dict[Path, Position] | None:
    """Positions of every value of JSON ``text``, in one iterative pass with bounded memory.

    Raises LoadError, with the position, for what the contract refuses in well-formed JSON:
    duplicate keys, NaN/Infinity, numbers too long or too large, nesting over MAX_DEPTH, more
    than MAX_VALUES values. Returns None at the first syntax error (json.loads then says why).
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
        where = {"line": line, "column": start - line_start + 1}
        if state in (_KEY, _FIRST_KEY):
            if kind == "string":
                frame = stack[-1]
                key = json.loads(token)
                if key in frame[1]:
                    raise LoadError(f"duplicate key {key!r}", file=file, **where)
                frame[1].add(key)
                path = (*frame[0], key)
                positions[path] = (line, where["column"])
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
            if values > MAX_JSON_VALUES:
                raise LoadError(f"document holds more than {MAX_JSON_VALUES} values", file=file,
                                **where)
            positions.setdefault(path, (line, where["column"]))
            if token in ("[", "{"):
                if len(stack) >= MAX_DEPTH:
                    raise LoadError(f"nesting is deeper than {MAX_DEPTH} levels", file=file,
                                    **where)
                if token == "[":
                    stack.append([path, 0])
                    path, state = (*path, 0), _FIRST_VALUE
                else:
                    stack.append([path, set()])
                    state = _FIRST_KEY
                continue
            if kind == "word" and token not in ("true", "false", "null"):
                raise LoadError(f"{token} is not a JSON number; the contract takes finite "
                                "numbers only", file=file, **where)
            if kind == "number":
                if len(token) > MAX_NUMBER_CHARS:
                    raise LoadError(_long_number(token), file=file, **where)
                if any(c in token for c in ".eE") and math.isinf(float(token)):
                    raise LoadError(f"number {token} is too large for a 64-bit float",
                                    file=file, **where)
            state = _AFTER if stack else _DONE
        else:  # _DONE: a second value after the document
            return None
    if state != _DONE or text[pos:].strip(" \t\n\r"):
        return None
    return positions


def _parse_json(text: str, file: str) -> Document:
    positions = _scan_json(text, file)

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
        if len(token) > MAX_NUMBER_CHARS:
            raise LoadError(_long_number(token), file=file)
        value = float(token)
        if math.isinf(value):
            raise LoadError(f"number {token} is too large for a 64-bit float", file=file)
        return value

    def integer(token: str) -> int:
        if len(token) > MAX_NUMBER_CHARS:
            raise LoadError(_long_number(token), file=file)
        return int(token)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant,
                          parse_float=number, parse_int=integer)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON: {exc.msg}", file=file,
                        **_where(text, exc.pos)) from None
    except RecursionError:
        raise LoadError("nesting is too deep", file=file) from None
    if _SURROGATE_ESCAPE.search(text):
        _reject_surrogates(data, file)
    return Document(data, file, positions or {}, text)


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
        self.positions: dict[Path, Position] = {}
        self.values = 0

    def fail(self, message: str, node: Any) -> LoadError:
        return LoadError(message, file=self.file, **_mark(node.start_mark))

    def read(self) -> Document:
        import yaml

        global _LOADER
        if _LOADER is None:
            _LOADER = _loader_class()
        try:
            self.scan(_LOADER)
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, self.file) from None
        self.loader = _LOADER(self.text)
        try:
            root = self.loader.get_single_node()
        except yaml.composer.ComposerError as exc:
            if "expected a single document" in str(exc):
                raise LoadError("holds several YAML documents; put one config per file",
                                file=self.file, **_mark(exc.problem_mark)) from None
            raise _yaml_error(exc, self.file) from None
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, self.file) from None
        except RecursionError:  # not reached after scan(); a guard for the pure-Python parser
            raise LoadError("nesting is too deep", file=self.file) from None
        finally:
            self.loader.dispose()
        if root is None:
            raise LoadError("holds no YAML document", file=self.file)
        data = self.build(root, (), 0)
        return Document(data, self.file, self.positions, self.text)

    def scan(self, loader: Any) -> None:
        """Walk the event stream once, in constant memory, before anything is composed.

        It refuses nesting over MAX_DEPTH (libyaml's composer recurses in C and would crash the
        process on deep nesting, not raise), recursive aliases, and documents of more than
        MAX_VALUES values once aliases are expanded (an alias counts the size of its anchor's
        node, so an alias bomb is refused without being expanded).
        """
        import yaml

        depth = total = 0
        sizes: dict[str, int] = {}  # anchor -> values in its node
        opened: list[tuple[str | None, int]] = []  # open collections: (anchor, total at start)
        aliased = False
        for event in yaml.parse(self.text, Loader=loader):
            if isinstance(event, yaml.ScalarEvent):
                total += 1
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                total += 1
                if depth > MAX_DEPTH:
                    raise LoadError(f"nesting is deeper than {MAX_DEPTH} levels",
                                    file=self.file, **_mark(event.start_mark))
                opened.append((event.anchor, total))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                anchor, start = opened.pop()
                if anchor is not None:
                    sizes[anchor] = total - start + 1
            elif isinstance(event, yaml.AliasEvent):
                if any(anchor == event.anchor for anchor, _ in opened):
                    raise LoadError(f"alias *{event.anchor} refers to a node that contains it",
                                    file=self.file, **_mark(event.start_mark))
                total += sizes.get(event.anchor or "", 1)
                aliased = True
            else:
                continue
            if total > MAX_VALUES:
                raise LoadError(f"document holds more than {MAX_VALUES} values"
                                + (" once its aliases are expanded" if aliased else ""),
                                file=self.file, **_mark(event.start_mark))

    def build(self, node: Any, path: Path, depth: int) -> Any:
        import yaml

        # scan() has bounded depth and size already; these guard the invariant.
        if depth > MAX_DEPTH:
            raise self.fail(f"nesting is deeper than {MAX_DEPTH} levels", node)
        self.values += 1
        if self.values > MAX_VALUES:
            raise self.fail(f"document holds more than {MAX_VALUES} values", node)
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
                raise self.fail(f"mapping key {key_node.value[:40]!r} must be a string",
                                key_node)
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
        if tag not in _SCALAR_TAGS:  # a key's tag (a value's was checked in build)
            raise self.fail(f"YAML tag {tag!r} is not allowed in a config", node)
        if len(value) > MAX_NUMBER_CHARS and tag != "tag:yaml.org,2002:bool":
            raise self.fail(_long_number(value), node)
        probe = yaml.ScalarNode(tag, value, node.start_mark, node.end_mark)
        try:
            if tag == "tag:yaml.org,2002:bool":
                return self.loader.construct_yaml_bool(probe)
            if tag == "tag:yaml.org,2002:int":
                return self.loader.construct_yaml_int(probe)
            number = self.loader.construct_yaml_float(probe)
        except (ValueError, KeyError, IndexError, OverflowError):
            # Only an explicit tag (`!!int abc`) reaches here: the resolvers type a plain
            # scalar by a pattern its constructor accepts.
            raise self.fail(f"{value[:40]!r} is not a valid {tag.rsplit(':', 1)[-1]}",
                            node) from None
        if not math.isfinite(number):
            raise self.fail(f"{value!r} is not a finite number; the contract takes finite "
                            "numbers only", node)
        return number


def _mark(mark: Any) -> dict[str, int]:
    return {"line": mark.line + 1, "column": mark.column + 1} if mark is not None else {}


def _yaml_error(exc: Any, file: str) -> LoadError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or ["unknown error"])[0]
    context = getattr(exc, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    return LoadError(message, file=file, **_mark(mark))
