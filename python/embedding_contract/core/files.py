"""File helpers shared by export, the schemas API, the static site, the fetch cache and
``fetch -o``.

Writes are atomic (a temporary file or folder beside the target, then one rename) and leave no
debris that matters: temporaries carry :data:`TEMP_PREFIX` (git-ignored), and a run removes those a
killed run left behind (:func:`remove_debris`). New files get the usual mode (0666 less the umask,
0644 as a rule), and a replaced regular file keeps its mode.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from embedding_contract.core.errors import FileWriteError, UnsafeOutputError

TEMP_PREFIX = ".tmp-embedding-contract-"


def sha256(content: bytes) -> str:
    """The hex digest that index.json records for a file."""
    return hashlib.sha256(content).hexdigest()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The mode a file written at ``path`` gets: the replaced regular file's, else the usual."""
    try:
        info = os.lstat(path)
    except OSError:
        return 0o666 & ~_umask()
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else 0o666 & ~_umask()


def _failure(path: Path, exc: OSError) -> FileWriteError:
    return FileWriteError(f"cannot write {path}: {exc.strerror or exc}", path=str(path))


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` so readers see the old file or the new one, never half.
    Raises FileWriteError (an OSError)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}-", dir=path.parent)
    except OSError as exc:
        raise _failure(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _mode_for(path))  # mkstemp makes it 0600
            handle.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _failure(path, exc) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tree(target: Path, files: Mapping[str, bytes]) -> None:
    """Create the folder ``target`` (absent or empty) holding ``files`` (relative POSIX path ->
    content) all at once: they are written into a staging folder beside it, then one rename.
    Raises FileWriteError (an OSError)."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{target.name}-",
                                        dir=target.parent))
    except OSError as exc:
        raise _failure(target, exc) from exc
    try:
        tree = staging / target.name  # made by mkdir, so it gets the usual (umask) permissions
        tree.mkdir()
        for rel, content in files.items():
            path = tree / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        os.replace(tree, target)
    except OSError as exc:
        raise _failure(target, exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove_debris(directory: Path) -> list[Path]:
    """Remove the temporaries a killed run left in ``directory`` and its sub-folders (one level);
    returns what was removed. Unremovable debris is left (it is git-ignored)."""
    removed: list[Path] = []
    try:
        folders = [directory, *(p for p in directory.iterdir()
                                if p.is_dir() and not p.is_symlink()
                                and not p.name.startswith(TEMP_PREFIX))]
    except OSError:
        return removed
    for folder in folders:
        try:
            found = [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]
        except OSError:
            continue
        for path in found:
            try:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
            except OSError:
                continue
    return removed


def write_output(path: Path, content: bytes) -> None:
    """Write ``content`` to a user-named output: a regular file (absent or present) is written
    atomically; a character device or a FIFO (or a symlink to one, like /dev/stdout) is written
    into as it is, never replaced; anything else (a symlink to a file, a directory, a socket, a
    block device) is refused with UnsafeOutputError."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _failure(path, exc) from exc
    if info is None or stat.S_ISREG(info.st_mode):
        write_atomic(path, content)
        return
    kind = stat.S_IFMT(info.st_mode)
    follow = 0 if kind == stat.S_IFLNK else getattr(os, "O_NOFOLLOW", 0)
    if kind == stat.S_IFLNK:  # /dev/stdout, say: written into if it leads to a device or FIFO
        try:
            target = stat.S_IFMT(os.stat(path).st_mode)
        except OSError:
            target = kind
        kind = target if target in (stat.S_IFCHR, stat.S_IFIFO) else kind
    if kind not in (stat.S_IFCHR, stat.S_IFIFO):
        what = {stat.S_IFLNK: "a symbolic link", stat.S_IFDIR: "a directory",
                stat.S_IFSOCK: "a socket", stat.S_IFBLK: "a block device"}.get(kind, "not a file")
        raise UnsafeOutputError(f"{path} is {what}; not replaced (name a regular file, a "
                                "character device or a FIFO)", path=str(path))
    try:
        # O_NONBLOCK: a FIFO without a reader fails at once instead of hanging.
        fd = os.open(path, os.O_WRONLY | follow | os.O_NONBLOCK)
    except OSError as exc:
        raise _failure(path, exc) from exc
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(content)
    except OSError as exc:
        raise _failure(path, exc) from exc
    finally:
        os.close(fd)
