"""The URL layout of the published schemas, shared by the schema server and static export.

Below the base URL (the base of every ``$id``)::

    index.json                          every version, path, sha256 and $id   short max-age
    <version>/<family>/<Class>.json     the released file, at its $id          immutable
    <version>/vocabulary.json           the vocabulary meta-schema             immutable
    sha256/<hex>.json                   any released file by content hash      immutable
    v<major>/...                        copy of the newest <major>.x.y         short max-age
    latest/...                          copy of the newest version             short max-age

The layout is built from a schema tree's ``index.json`` only: a file the index does not name is
never published, each file must lie inside the tree (symlinks included) and match its sha256.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from embedding_contract.core.errors import SchemaIntegrityError, SiteError
from embedding_contract.core.files import sha256, write_tree
from embedding_contract.core.versions import Version, sorted_versions
from embedding_contract.schemafiles.packaged import MAX_FILE_BYTES, parse_index, records
from embedding_contract.schemafiles.releases import INDEX_FILE

SCHEMA_MEDIA_TYPE = "application/schema+json"
JSON_MEDIA_TYPE = "application/json"


@dataclass(frozen=True)
class SiteFile:
    content: bytes
    sha256: str
    media_type: str
    immutable: bool
    version: str | None


@dataclass(frozen=True)
class Site:
    files: Mapping[str, SiteFile]
    versions: tuple[str, ...]

    @property
    def latest(self) -> str:
        return self.versions[-1]


def build_site(root: Path) -> Site:
    """Every URL path (relative to the base URL) and its content, from the tree at ``root``."""
    if not (root / INDEX_FILE).is_file():
        raise SiteError(f"{root}/{INDEX_FILE} not found: not a schema tree")
    real_root = root.resolve()
    index_bytes = _read_inside(real_root, INDEX_FILE)
    try:
        index = parse_index(index_bytes, f"{root}/{INDEX_FILE}")
    except SchemaIntegrityError as exc:
        raise SiteError(str(exc)) from exc
    files: dict[str, SiteFile] = {
        INDEX_FILE: SiteFile(index_bytes, sha256(index_bytes), JSON_MEDIA_TYPE, False, None)}
    releases: dict[str, dict[str, SiteFile]] = {}
    for version in sorted_versions(list(index["versions"])):
        release: dict[str, SiteFile] = {}
        for record in records(index["versions"][version]):
            path = record["path"]
            content = _read_inside(real_root, path)
            if sha256(content) != record["sha256"]:
                raise SiteError(f"{root}/{path} does not match its sha256 in {INDEX_FILE}")
            release[path.partition("/")[2]] = SiteFile(
                content, record["sha256"], SCHEMA_MEDIA_TYPE, True, version)
        releases[version] = release
        for rest, item in release.items():
            files[f"{version}/{rest}"] = item
            files[f"sha256/{item.sha256}.json"] = item
    ordered = tuple(releases)
    newest_of_major = {Version.parse(v).major: v for v in ordered}
    aliases = {f"v{major}": v for major, v in newest_of_major.items()}
    aliases["latest"] = ordered[-1]
    for alias, version in sorted(aliases.items()):
        for rest, item in releases[version].items():
            files[f"{alias}/{rest}"] = SiteFile(
                item.content, item.sha256, item.media_type, False, version)
    return Site(dict(sorted(files.items())), ordered)


def _read_inside(real_root: Path, rel: str) -> bytes:
    """Read ``rel`` below ``real_root``, refusing anything that resolves outside it."""
    target = (real_root / rel).resolve()
    if not target.is_relative_to(real_root):
        raise SiteError(f"{rel} resolves outside the schema tree ({target}); refusing to publish")
    if not target.is_file():
        raise SiteError(f"{real_root}/{rel} is listed in {INDEX_FILE} but is not a file")
    if target.stat().st_size > MAX_FILE_BYTES:
        raise SiteError(f"{real_root}/{rel} is larger than {MAX_FILE_BYTES} bytes")
    return target.read_bytes()


def write_site(site: Site, out: Path) -> int:
    """Write the layout into ``out`` (new or empty) all at once; returns the number of files."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SiteError(f"{out} exists and is not an empty directory; choose a new one")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_tree(out, {rel: item.content for rel, item in site.files.items()})
    except OSError as exc:
        raise SiteError(f"cannot write {out}: {exc}") from exc
    return len(site.files)
