"""The documents run as written: every Python, shell and console block of README.md and
docs/*.md, in a fresh folder outside the repository, with its shown output compared.

A block is one of:
- ``python``: run (the blocks of one document share their names, in order); each ``#> text``
  line is output the block must print, in order.
- ``sh`` / ``bash``: run with ``bash -euo pipefail``; it must exit 0.
- ``console``: each ``$ command`` is run, and what it prints (stdout and stderr) must be the
  lines below it.
The line just before a block may say ``<!-- docs-test: file NAME -->`` (the block is written to
NAME first) or ``<!-- docs-test: skip: reason -->`` (it cannot run in CI: a server, the whole
suite); skips are few and counted.

pytest-examples was considered: it runs Python blocks only and lints them with ruff/black, so
the shell and console blocks would need this runner anyway.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis.errors import NonInteractiveExampleWarning

from tests.support.paths import EXAMPLES, ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```([A-Za-z]*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
_MARK = re.compile(r"<!-- docs-test: (skip|file)[: ]\s*(.*?)\s*-->\s*$")
RUN = ("python", "sh", "bash", "console")
MAX_SKIPPED = 12
"""Blocks marked as not runnable in CI, over all documents."""


@dataclass(frozen=True)
class Block:
    document: Path
    line: int
    language: str
    text: str
    mark: tuple[str, str] | None

    @property
    def where(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


def blocks(document: Path) -> list[Block]:
    text = document.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = _MARK.search(before)
        found.append(Block(document, text.count("\n", 0, match.start()) + 1, match.group(1),
                           match.group(2), (mark.group(1), mark.group(2)) if mark else None))
    return found


def workspace(tmp_path: Path) -> Path:
    """A folder like a user's project: example configs, no checkout of this repository."""
    work = tmp_path / "work"
    shutil.copytree(EXAMPLES, work / "configs")
    shutil.copytree(EXAMPLES, work / "examples")
    shutil.copy(EXAMPLES / "recap-large-embeddings.yaml", work / "my-config.yaml")
    return work


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBEDDING_CONTRACT_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT)  # the test helpers some snippets import
    return env


def run_python(block: Block, namespace: dict[str, object]) -> None:
    expected = [line.strip()[3:] for line in block.text.splitlines()
                if line.strip().startswith("#> ")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        # testing.md shows a strategy's .example(), which hypothesis meant for interactive use
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        exec(compile(block.text, block.where, "exec"), namespace)  # the docs' own code
    if expected:
        assert out.getvalue().splitlines() == expected, block.where


def run_shell(block: Block, cwd: Path) -> None:
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", block.text], cwd=cwd,
                          env=environment(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{block.where}: {done.stdout}{done.stderr}"


def run_console(block: Block, cwd: Path) -> None:
    command, shown = None, []
    steps: list[tuple[str, list[str]]] = []
    for line in [*block.text.splitlines(), "$ "]:
        if line.startswith("$ "):
            if command:
                steps.append((command, shown))
            command, shown = line[2:], []
        else:
            shown.append(line)
    for command, shown in steps:
        done = subprocess.run(["bash", "-c", command], cwd=cwd, env=environment(),
                              capture_output=True, text=True, timeout=120)
        assert (done.stdout + done.stderr).splitlines() == shown, f"{block.where}: {command}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_the_document_runs_as_written(document: Path, tmp_path: Path) -> None:
    work = workspace(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    old = Path.cwd()
    os.chdir(work)
    try:
        for block in blocks(document):
            if block.mark and block.mark[0] == "skip":
                continue
            if block.mark and block.mark[0] == "file":
                (work / block.mark[1]).write_text(block.text, encoding="utf-8")
            if block.language == "python":
                run_python(block, namespace)
            elif block.language in ("sh", "bash"):
                run_shell(block, work)
            elif block.language == "console":
                run_console(block, work)
    finally:
        os.chdir(old)


def test_few_blocks_are_skipped_and_each_says_why() -> None:
    skipped = [b for d in DOCUMENTS for b in blocks(d) if b.mark and b.mark[0] == "skip"]
    assert all(b.mark and b.mark[1] for b in skipped)
    assert all(b.language in RUN for b in skipped)
    assert len(skipped) <= MAX_SKIPPED, [b.where for b in skipped]


def test_the_runner_sees_every_block() -> None:
    """No runnable-looking block escapes under another language name."""
    for document in DOCUMENTS:
        for block in blocks(document):
            # java, js, go and rust examples are run by their own languages' tests, which
            # compare them with the page (tests/acceptance/test_*_consumer*.py).
            assert block.language in (*RUN, "", "yaml", "json", "jsonc", "text", "toml",
                                      "java", "js", "javascript", "ts", "typescript", "go",
                                      "rust", "markdown", "diff", "xml"), block.where
