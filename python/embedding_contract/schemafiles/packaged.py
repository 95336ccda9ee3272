"""The released schemas shipped inside the package: list, load and validate against them.

The wheel carries the top-level ``schemas/`` tree as ``embedding_contract/_schema_files``; in a
source checkout (or an editable install) the repository's ``schemas/`` is read instead. Every file
is checked against the sha256 in ``index.json`` when it is read.

A version is an exact release (``"1.0.0"``), a line (``"1"``: the newest 1.x.y; ``"1.2"``: the
newest 1.2.z) or ``"latest"``.
"""

from __future__ import annotations

import copy
import functools
import re
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from embedding_contract.core.errors import JsonError, SchemaIntegrityError, UsageError
from embedding_contract.core.files import sha256
from embedding_contract.core.jsonio import parse
from embedding_contract.core.paths import source_checkout
from embedding_contract.core.versions import Version, sorted_versions, version_key
from embedding_contract.schemafiles.releases import INDEX_FILE

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = [
    "INDEX_FILE", "SchemaIntegrityError", "index", "load", "load_bytes", "models", "parse_index",
    "record", "records", "resolve_version", "root", "root_dir", "validator", "version_key",
    "versions",
]

PACKAGED_DIR = "_schema_files"
MAX_FILE_BYTES = 16 * 1024 * 1024

# The only file paths an index may name, below their version's folder: [<family>/]<Name>.json.
_RECORD_FILE = re.compile(r"([a-z][a-z0-9_]*/)?[A-Za-z][A-Za-z0-9_]*\.json")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def root() -> Traversable:
    """Where the schemas are read from: the packaged copy, else the source checkout's folder."""
    packaged = resources.files("embedding_contract").joinpath(PACKAGED_DIR)
    if packaged.joinpath(INDEX_FILE).is_file():
        return packaged
    top = source_checkout()
    if top is not None and (top / "schemas" / INDEX_FILE).is_file():
        return top / "schemas"
    raise SchemaIntegrityError(
        "no packaged schemas found (embedding_contract/_schema_files/index.json is missing); "
        "reinstall embedding-contract")


def root_dir() -> Path:
    """:func:`root` as a directory on disk (the schema server needs real files)."""
    found = root()
    if not isinstance(found, Path):
        raise SchemaIntegrityError(
            f"the packaged schemas are not on the file system ({found}); pass a directory")
    return found


def parse_index(content: bytes, origin: str = INDEX_FILE) -> dict[str, Any]:
    """Parse and check the shape of an ``index.json``; raises SchemaIntegrityError."""
    try:
        data = parse(content, origin)
    except JsonError as exc:
        raise SchemaIntegrityError(str(exc)) from exc
    versions = data.get("versions") if isinstance(data, dict) else None
    if not isinstance(versions, dict) or not versions:
        raise SchemaIntegrityError(f"{origin}: no 'versions' object")
    for version, entry in versions.items():
        if not Version.is_valid(version):
            raise SchemaIntegrityError(f"{origin}: {version!r} is not a MAJOR.MINOR.PATCH version")
        if not isinstance(entry, dict) or not isinstance(entry.get("models"), dict):
            raise SchemaIntegrityError(f"{origin}: version {version} has no 'models' object")
        for record in records(entry):
            _check_record(record, version, origin)
    return data  # type: ignore[no-any-return]


def records(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Every file record of one version entry of the index: the models, then the vocabulary."""
    found = list(entry.get("models", {}).values())
    if "vocabulary" in entry:
        found.append(entry["vocabulary"])
    return found


def _check_record(record: Any, version: str, origin: str) -> None:
    if not isinstance(record, dict):
        raise SchemaIntegrityError(f"{origin}: version {version} holds a malformed record")
    path, digest = record.get("path"), record.get("sha256")
    if not isinstance(path, str) or not path.startswith(version + "/") \
            or not _RECORD_FILE.fullmatch(path.removeprefix(version + "/")):
        raise SchemaIntegrityError(f"{origin}: {path!r} is not a schema path of version {version}")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise SchemaIntegrityError(f"{origin}: {path} has no valid sha256")


def resolve_version(index_data: dict[str, Any], spec: str) -> str:
    """The exact version ``spec`` names among the versions of ``index_data``."""
    available = sorted_versions(list(index_data["versions"]))
    if spec == "latest":
        return available[-1]
    if Version.is_valid(spec):
        if spec in available:
            return spec
    else:
        major, minor = _line(spec)
        matching = [v for v in map(Version.parse, available)
                    if v.major == major and minor in (None, v.minor)]
        if matching:
            return str(matching[-1])
    raise UsageError(f"no released version matches {spec!r}; released: {', '.join(available)}")


def _line(spec: str) -> tuple[int, int | None]:
    """A line of releases: ``"1"`` -> (1, None), every 1.x.y; ``"1.2"`` -> (1, 2), every 1.2.z."""
    parts = spec.count(".") + 1
    padded = spec + ".0" * (3 - parts)
    if parts > 2 or not Version.is_valid(padded):
        raise UsageError(f"{spec!r} is not a version: use MAJOR.MINOR.PATCH, MAJOR, MAJOR.MINOR "
                         "or 'latest'")
    first = Version.parse(padded)
    return first.major, first.minor if parts == 2 else None


def record(index_data: dict[str, Any], name: str, spec: str) -> tuple[str, dict[str, Any]]:
    """(exact version, index record) of model ``name`` in the version ``spec`` names."""
    version = resolve_version(index_data, spec)
    found = index_data["versions"][version]["models"]
    if name not in found:
        raise UsageError(f"unknown model {name!r} in version {version}; known models: "
                         f"{', '.join(sorted(found))}")
    return version, found[name]


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Any]:
    return parse_index(_read(root(), INDEX_FILE), f"{root()}/{INDEX_FILE}")


def _read(base: Traversable, path: str) -> bytes:
    target = base.joinpath(*path.split("/"))
    try:
        with target.open("rb") as handle:
            content = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SchemaIntegrityError(f"cannot read packaged schema {path}: {exc}") from exc
    if len(content) > MAX_FILE_BYTES:
        raise SchemaIntegrityError(f"packaged schema {path} is larger than {MAX_FILE_BYTES} bytes")
    return content


def index() -> dict[str, Any]:
    """The packaged ``index.json`` (a copy: versions, and each model's path, sha256, ``$id``)."""
    return copy.deepcopy(_index())


def versions() -> list[str]:
    """The released versions, oldest first."""
    return sorted_versions(list(_index()["versions"]))


def models(version: str = "latest") -> list[str]:
    """The model names (``family.ClassName``) released in ``version``, sorted."""
    data = _index()
    return sorted(data["versions"][resolve_version(data, version)]["models"])


def load_bytes(name: str, version: str = "latest") -> bytes:
    """The exact bytes of a released schema, verified against the index's sha256."""
    _, found = record(_index(), name, version)
    content = _read(root(), found["path"])
    if sha256(content) != found["sha256"]:
        raise SchemaIntegrityError(
            f"packaged schema {found['path']} does not match its sha256 in index.json; "
            "the installation is damaged: reinstall embedding-contract")
    return content


def load(name: str, version: str = "latest") -> dict[str, Any]:
    """The released schema document of model ``name`` (``"recap.LargeEmbeddingsConfig"``)."""
    return parse(load_bytes(name, version), name)  # type: ignore[no-any-return]


def validator(name: str, version: str = "latest") -> Any:
    """A ready ``ContractValidator`` (:mod:`embedding_contract.vocabulary.contract_validator`)
    for the schema: Draft 2020-12 plus the contract's portable rules and finite numbers."""
    from embedding_contract.vocabulary.contract_validator import ContractValidator

    return ContractValidator(load(name, version))
