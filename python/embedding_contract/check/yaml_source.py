"""YAML config text read safely, keeping each value's position.

Like upstream's ``yaml.safe_load``, but stricter where upstream was silently wrong:
- duplicate keys, NaN/Infinity, non-standard tags, several documents: errors, with positions;
- ``1e-3`` is a float (PyYAML's YAML 1.1 rules would read it as the string "1e-3");
  ``424_241`` stays an integer, as upstream's configs write it;
- ``$VAR`` substitution happens inside scalars after parsing, so a variable can never inject
  YAML, and a plain scalar is typed after substitution (``dim: $DIM`` with DIM=8 is 8);
- nesting and the number of values after alias expansion are counted in a first pass over the
  event stream, before anything is composed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from embedding_contract.check.document import Document, Limits, Position
from embedding_contract.check.env import substitute
from embedding_contract.core.errors import LoadError
from embedding_contract.vocabulary.violation import Path

FLOAT_WITH_EXPONENT = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$")
"""What the reader resolves as a float beyond YAML 1.1's own pattern (``1e-3``, ``2E5``)."""

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
}
_SCALAR_TAGS = {"tag:yaml.org,2002:" + t for t in ("int", "float", "bool")}


def read_yaml(text: str, file: str, env: Mapping[str, str] | None, limits: Limits) -> Document:
    """The document of YAML config ``text``, substituting ``env`` unless it is None."""
    return _YamlReader(text, file, env, limits).read()


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
        "tag:yaml.org,2002:float", FLOAT_WITH_EXPONENT, list("-+0123456789"))
    return ContractLoader


_LOADER: Any = None


class _YamlReader:
    def __init__(self, text: str, file: str, env: Mapping[str, str] | None,
                 limits: Limits) -> None:
        self.text, self.file, self.env, self.limits = text, file, env, limits
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
            raise _yaml_error(exc, self.file) from exc
        self.loader = _LOADER(self.text)
        try:
            root = self.loader.get_single_node()
        except yaml.composer.ComposerError as exc:
            if "expected a single document" in str(exc):
                raise LoadError("holds several YAML documents; put one config per file",
                                file=self.file, **_mark(exc.problem_mark)) from exc
            raise _yaml_error(exc, self.file) from exc
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, self.file) from exc
        except RecursionError as exc:  # not reached after scan(): a guard for pure-Python PyYAML
            raise LoadError("nesting is too deep", file=self.file) from exc
        finally:
            self.loader.dispose()
        if root is None:
            raise LoadError("holds no YAML document", file=self.file)
        data = self.build(root, (), 0)
        return Document(data, self.file, self.positions, self.text)

    def scan(self, loader: Any) -> None:
        """Walk the event stream once, in constant memory, before anything is composed.

        It refuses nesting over the depth limit (libyaml's composer recurses in C and would
        crash the process on deep nesting, not raise), recursive aliases, and documents of more
        values than the limit once aliases are expanded (an alias counts the size of its
        anchor's node, so an alias bomb is refused without being expanded).
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
                if depth > self.limits.depth:
                    raise LoadError(f"nesting is deeper than {self.limits.depth} levels",
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
            if total > self.limits.values:
                raise LoadError(f"document holds more than {self.limits.values} values"
                                + (" once its aliases are expanded" if aliased else ""),
                                file=self.file, **_mark(event.start_mark))

    def build(self, node: Any, path: Path, depth: int) -> Any:
        import yaml

        # scan() has bounded depth and size already; these guard the invariant.
        if depth > self.limits.depth:
            raise self.fail(f"nesting is deeper than {self.limits.depth} levels", node)
        self.values += 1
        if self.values > self.limits.values:
            raise self.fail(f"document holds more than {self.limits.values} values", node)
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
            raise _yaml_error(exc, self.file) from exc
        except RecursionError as exc:  # PyYAML recurses once per merge in a chain of them
            raise self.fail("merge keys (<<) chained too deeply", node) from exc
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
            substituted = substitute(value, self.env)
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
        if len(value) > self.limits.number_chars and tag != "tag:yaml.org,2002:bool":
            raise self.fail(self.limits.long_number(value), node)
        probe = yaml.ScalarNode(tag, value, node.start_mark, node.end_mark)
        try:
            if tag == "tag:yaml.org,2002:bool":
                return self.loader.construct_yaml_bool(probe)
            if tag == "tag:yaml.org,2002:int":
                return self.loader.construct_yaml_int(probe)
            number = self.loader.construct_yaml_float(probe)
        except (ValueError, KeyError, IndexError, OverflowError) as exc:
            # Only an explicit tag (`!!int abc`) reaches here: the resolvers type a plain
            # scalar by a pattern its constructor accepts.
            raise self.fail(f"{value[:40]!r} is not a valid {tag.rsplit(':', 1)[-1]}",
                            node) from exc
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
