"""Reading a config's text: bounded reads of regular files only, strict UTF-8, no blank or NUL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from embedding_contract.check.loader import load_file, loads
from embedding_contract.core.errors import LoadError


@pytest.mark.parametrize("raw,message", [
    (b"", "empty"),
    (b"  \n# only a comment\n", "no YAML document"),
    (b"\xef\xbb\xbfa: 1\n", "byte-order mark"),
    (b"a: \xff\xfe\n", "not valid UTF-8"),
    (b"a: 1\x00\n", "NUL"),
])
def test_bytes_errors(raw: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        loads(raw)


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load_file(tmp_path / "missing.yaml")
    with pytest.raises(LoadError, match="directory"):
        load_file(tmp_path)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(LoadError, match="over the limit"):
        load_file(big, max_bytes=1000)
    assert load_file(big).data["a"] == "x" * 2000


def test_invalid_utf8_has_line_and_column() -> None:
    with pytest.raises(LoadError, match="not valid UTF-8") as caught:
        loads("a: 1\r\nbé: \xff\n".encode("latin-1").replace(b"\xe9", "é".encode()))
    assert (caught.value.line, caught.value.column) == (2, 5)


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        load_file(fifo)  # would block forever if opened for a blocking read
    with pytest.raises(LoadError, match="not a regular file"):
        load_file("/dev/zero")  # would never end if read


def test_errors_keep_their_cause(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_file(tmp_path / "missing.yaml")
    assert isinstance(caught.value.__cause__, FileNotFoundError)
    with pytest.raises(LoadError) as caught:
        loads(b"a: \xff\n")
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)
