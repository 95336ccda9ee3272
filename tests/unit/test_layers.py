"""Imports point down the layers: no module of ``python/embedding_contract/`` imports a higher
layer. Read with ``ast`` (nothing is imported), so imports inside functions and under
``TYPE_CHECKING`` count too.

Lowest first: core < vocabulary < models < schemafiles < check < diff < pages < serve < cli.
The public shims at the top (``recap``, ``twhin``, ``schemas``, ``__init__``) may import anything
but cli.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.paths import ROOT

PACKAGE = ROOT / "python" / "embedding_contract"
LAYERS = ("core", "vocabulary", "models", "schemafiles", "check", "diff", "pages", "serve",
          "cli")
SHIMS = ("__init__", "recap", "twhin", "schemas")
SHIM_RANK = LAYERS.index("cli") - 0.5  # above every layer but cli


def rank(part: str) -> float:
    """Where a top-level part of the package (a layer or a shim) sits."""
    if part in LAYERS:
        return LAYERS.index(part)
    assert part in SHIMS, f"embedding_contract.{part} is neither a layer nor a public shim"
    return SHIM_RANK


def part_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imported_parts(source: str, package: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, top-level part of embedding_contract) of every import in ``source``, a module of
    ``package`` (``("embedding_contract", "core")``), in line order."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the module's package
                base = ".".join([*package[:len(package) - node.level + 1], *filter(None, [base])])
            # `from embedding_contract import X` imports the submodule X when there is one
            modules = [f"{base}.{a.name}" if base == "embedding_contract" else base
                       for a in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] != "embedding_contract" or len(parts) == 1:
                continue
            target = parts[1]
            if (PACKAGE / target).is_dir() or (PACKAGE / f"{target}.py").is_file():
                found.append((node.lineno, target))
            # else a name defined in embedding_contract/__init__.py (__version__): always loaded
    return sorted(found)


def imports_of(path: Path) -> list[tuple[int, str]]:
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    return imported_parts(path.read_text(encoding="utf-8"), package)


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer_or_a_shim() -> None:
    assert {part_of(path) for path in MODULES} == set(LAYERS) | set(SHIMS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_imports_a_higher_layer(path: Path) -> None:
    here = part_of(path)
    upward = [f"line {line}: imports embedding_contract.{target}"
              for line, target in imports_of(path) if rank(target) > rank(here)]
    assert upward == [], f"{here} must not import a higher layer"


def test_the_check_sees_imports_anywhere_in_a_module() -> None:
    """Imports in functions, under TYPE_CHECKING, relative ones and submodules of the root."""
    source = ("from typing import TYPE_CHECKING\n"
              "if TYPE_CHECKING:\n    from embedding_contract.cli import main\n"
              "def f():\n    import embedding_contract.serve.client\n"
              "from ..diff import gate\n"
              "from . import files\n"
              "from embedding_contract import schemas, __version__\n")
    assert imported_parts(source, ("embedding_contract", "core")) == [
        (3, "cli"), (5, "serve"), (6, "diff"), (7, "core"), (8, "schemas")]
