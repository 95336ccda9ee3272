"""Hostile and broken input: each gives exit code 2 and exactly one clear line, never a
traceback, a hang or unbounded memory.

Every case runs through the CLI in-process (CliRunner); the cases that could crash, hang or
exhaust memory if a guard were missing also run the installed executable in a subprocess under
an address-space limit and a timeout, and all cases together run once through the executable.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from embedding_contract.cli import main

MODEL = "recap.LargeEmbeddingsConfig"
MEMORY_LIMIT = 768 * 1024 * 1024  # address space of the subprocess, bytes
TIMEOUT = 120  # seconds; each case takes well under two on a loaded machine


def _alias_bomb() -> bytes:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def _junk() -> bytes:
    return random.Random(7).randbytes(4096)


# name -> (file name, content or None for a special path, fragment of the one error line)
CASES: dict[str, tuple[str, bytes | None, str]] = {
    "empty": ("empty.yaml", b"", "file is empty"),
    "blank": ("blank.yaml", b" \n\n\t\n", "file is empty"),
    "only-comments": ("comments.yaml", b"# nothing\n", "holds no YAML document"),
    "binary-junk": ("junk.yaml", _junk(), "not valid UTF-8"),
    "binary-nul": ("nul.yaml", b"\x00\x01\x02\x03tables: []", "NUL bytes"),
    "invalid-utf8": ("latin1.yaml", b"tables:\n  - name: caf\xe9\n", "not valid UTF-8"),
    "bom": ("bom.yaml", b"\xef\xbb\xbftables: []\n", "byte-order mark"),
    "utf16": ("utf16.yaml", "tables: []\n".encode("utf-16"), "UTF-16"),
    "yaml-unclosed-flow": ("flow.yaml", b"tables: [1\n", "invalid YAML"),
    "yaml-nested-colon": ("colon.yaml", b"tables: name: x\n", "invalid YAML"),
    "yaml-tab-indent": ("tab.yaml", b"tables:\n\t- 1\n", "invalid YAML"),
    "yaml-unterminated-string": ("quote.yaml", b'tables: "abc\n', "invalid YAML"),
    "yaml-undefined-alias": ("alias.yaml", b"tables: *nope\n", "invalid YAML"),
    "several-documents": ("docs.yaml", b"tables: []\n---\ntables: []\n",
                          "several YAML documents"),
    "duplicate-key-yaml": ("dup.yaml", b"tables: []\noptimizer: {}\ntables: []\n",
                           "duplicate key 'tables'"),
    "duplicate-key-json": ("dup.json", b'{"tables": [], "tables": []}', "duplicate key 'tables'"),
    "tag-python-object": ("obj.yaml", b"tables: !!python/object/apply:os.system ['echo hi']\n",
                          "is not allowed"),
    "tag-python-name": ("name.yaml", b"tables: !!python/name:os.system\n", "is not allowed"),
    "tag-local": ("local.yaml", b"tables: !Table {name: x}\n", "is not allowed"),
    "tag-set": ("set.yaml", b"tables: !!set {a: null}\n", "is not allowed"),
    "alias-bomb": ("bomb.yaml", _alias_bomb(), "once its aliases are expanded"),
    "recursive-alias": ("loop.yaml", b"tables: &t [*t]\n", "refers to a node that contains it"),
    "deep-yaml-flow": ("deepflow.yaml", b"tables: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
                       "nesting is deeper than 200 levels"),
    "deep-yaml-block": ("deepblock.yaml", b"tables:\n" + b"- " * 100_000 + b"x\n",
                        "nesting is deeper than 200 levels"),
    "deep-yaml-mappings": ("deepmap.yaml", b"tables: " + b"{a: " * 100_000 + b"1" + b"}" * 100_000,
                           "nesting is deeper than 200 levels"),
    "deep-json": ("deep.json", b"[" * 100_000 + b"]" * 100_000,
                  "nesting is deeper than 200 levels"),
    "huge-int-yaml": ("int.yaml", b"tables: " + b"7" * 5000 + b"\n", "number of 5000 characters"),
    "huge-int-json": ("int.json", b'{"tables": ' + b"7" * 100_000 + b"}",
                      "number of 100000 characters"),
    "long-float-yaml": ("float.yaml", b"tables: 0." + b"1" * 3000 + b"\n",
                        "number of 3002 characters"),
    "nan-yaml": ("nan.yaml", b"tables: .nan\n", "'.nan' is not a finite number"),
    "inf-yaml": ("inf.yaml", b"tables: [-.Inf]\n", "'-.Inf' is not a finite number"),
    "overflow-yaml": ("big.yaml", b"tables: 1e999\n", "'1e999' is not a finite number"),
    "nan-json": ("nan.json", b'{"tables": NaN}', "NaN is not a JSON number"),
    "infinity-json": ("inf.json", b'{"tables": [-Infinity]}', "-Infinity is not a JSON number"),
    "overflow-json": ("big.json", b'{"tables": 1e999}', "too large for a 64-bit float"),
    "file-200mb": ("huge.yaml", None, "file is 209715200 bytes, over the limit of 67108864"),
    "directory": ("folder.yaml", None, "is a directory"),
    "missing": ("missing.yaml", None, "no such file"),
    "fifo": ("pipe.yaml", None, "is not a regular file"),
}
# Cases a missing guard would turn into a crash, a hang or a memory blow-up.
DANGEROUS = ["alias-bomb", "recursive-alias", "deep-yaml-flow", "deep-yaml-block",
             "deep-yaml-mappings", "deep-json", "huge-int-yaml", "huge-int-json", "file-200mb",
             "fifo"]


def make(case: str, folder: Path) -> Path:
    name, content, _ = CASES[case]
    path = folder / case / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is not None:
        path.write_bytes(content)
    elif case == "file-200mb":
        with open(path, "wb") as handle:  # sparse: refused by its size, never read
            handle.truncate(200 * 1024 * 1024)
    elif case == "directory":
        path.mkdir()
    elif case == "fifo":
        os.mkfifo(path)
    return path


def one_line(case: str, path: Path, stdout: str, stderr: str) -> None:
    assert stdout == "", stdout
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"{path}:") and CASES[case][2] in lines[0], lines[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_gives_one_line_and_exit_2(case: str, tmp_path: Path) -> None:
    path = make(case, tmp_path)
    result = CliRunner().invoke(main, ["validate", "--model", MODEL, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception)
    assert result.exit_code == 2, result.output
    one_line(case, path, result.stdout, result.stderr)
    # Without --model the load error still comes first, alone.
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    one_line(case, path, result.stdout, result.stderr)


def executable() -> str:
    found = shutil.which("embedding-contract", path=str(Path(sys.executable).parent))
    assert found, "the console script is installed beside the interpreter"
    return found


# Sets the address-space limit, then becomes the CLI (no preexec_fn: pytest-xdist has threads).
LIMIT_THEN_EXEC = ("import os, resource, sys; "
                   "resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]),) * 2); "
                   "os.execv(sys.argv[2], sys.argv[2:])")


def run_limited(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", LIMIT_THEN_EXEC, str(MEMORY_LIMIT), executable(), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)


def test_the_memory_limit_is_applied() -> None:
    run = subprocess.run([sys.executable, "-c", LIMIT_THEN_EXEC, str(MEMORY_LIMIT),
                          sys.executable, "-c", "bytearray(1024 ** 3)"],
                         capture_output=True, text=True, timeout=TIMEOUT)
    assert run.returncode != 0 and "MemoryError" in run.stderr


@pytest.mark.parametrize("case", DANGEROUS)
def test_dangerous_input_in_a_bounded_process(case: str, tmp_path: Path) -> None:
    path = make(case, tmp_path)
    run = run_limited("validate", "--model", MODEL, str(path))
    assert run.returncode == 2, (run.returncode, run.stderr[-2000:])  # a crash is negative
    one_line(case, path, run.stdout, run.stderr)


def test_every_hostile_file_at_once(tmp_path: Path) -> None:
    paths = [make(case, tmp_path) for case in sorted(CASES)]
    run = run_limited("validate", *map(str, paths))
    assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert lines[-1] == f"0 of {len(paths)} files valid"
    assert len(lines) == len(paths) + 1
    for case, path, line in zip(sorted(CASES), paths, lines[:-1], strict=True):
        assert line.startswith(f"{path}:") and CASES[case][2] in line, line


@pytest.mark.slow
def test_the_largest_accepted_document_stays_bounded(tmp_path: Path) -> None:
    """Just under the value limit: read and validated, in bounded memory and time."""
    from embedding_contract.check.loader import MAX_VALUES

    path = tmp_path / "wide.yaml"
    # The root, its key and the list, then 7 values a table (a mapping, 3 keys, 3 values).
    rows = (MAX_VALUES - 3) // 7
    path.write_text(
        "optimizer: {init_learning_rate: 0.1}\ntables:\n"
        + "".join(f"  - {{name: t{i}, num_embeddings: 1, embedding_dim: 1}}\n"
                  for i in range(rows - 1)))
    run = run_limited("validate", "--model", MODEL, str(path))
    # (One table more is refused: test_loader.py checks the limit itself, with a small one.)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "1 of 1 files valid\n")


@pytest.mark.slow
@pytest.mark.parametrize("make_file", [
    lambda p: p.write_bytes(b"tables: " + b'"' + b"x" * (64 * 1024 * 1024 - 20) + b'"\n'),
], ids=["64mib-string"])
def test_a_file_at_the_size_limit_stays_bounded(make_file: Callable[[Path], object],
                                                tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    make_file(path)
    run = run_limited("validate", "--model", MODEL, str(path))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "tables: Input should be a valid list" in run.stdout
