"""A config file's text: its bytes read with a bound, decoded as UTF-8, refused if not text."""

from __future__ import annotations

import os
import re
import stat

from embedding_contract.check.document import position_of
from embedding_contract.core.errors import LoadError

_NOT_BLANK = re.compile(r"\S")


def read_bounded(name: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing anything but a regular file of at most ``max_bytes``.

    The size is checked on the open descriptor before reading, and the read itself is capped,
    so a file that grows, a device or a FIFO can never make the loader read without end.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError as exc:
        raise LoadError("no such file", file=name) from exc
    except IsADirectoryError as exc:
        raise LoadError("is a directory, not a config file", file=name) from exc
    except PermissionError as exc:
        raise LoadError("permission denied", file=name) from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise LoadError(f"cannot open: {getattr(exc, 'strerror', None) or exc}",
                        file=name) from exc
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
        raise LoadError(f"cannot read: {exc.strerror or exc}", file=name) from exc
    finally:
        os.close(fd)


def config_text(raw: bytes | str, file: str) -> str:
    """``raw`` as text (bytes decoded as UTF-8), refused if blank or holding NUL bytes."""
    text = _decode(raw, file) if isinstance(raw, bytes) else raw
    if _NOT_BLANK.search(text) is None:
        raise LoadError("file is empty", file=file)
    if "\x00" in text:
        line, column = position_of(text, text.index("\x00"))
        raise LoadError("file holds NUL bytes: not a text config", file=file, line=line,
                        column=column)
    return text


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError("file starts with a UTF-8 byte-order mark; save it without one", file=file)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("file is UTF-16 or UTF-32; save it as UTF-8", file=file)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")  # valid up to the bad byte
        line, column = position_of(before, len(before))
        raise LoadError(f"not valid UTF-8 (byte {exc.start})", file=file, line=line,
                        column=column) from exc
