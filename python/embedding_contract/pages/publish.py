"""The published layout with its pages: :func:`with_pages` adds the HTML pages (and their
stylesheet) to a :class:`~embedding_contract.schemafiles.site.Site` built from a schema tree.

Page paths below the base URL::

    index.html                       start page: the latest release, every version and model
    site.css, favicon.svg            the one stylesheet, the icon
    <version>/index.html             the models of one version
    <version>/changes.html           what changed against the previous release (the diff)
    <version>/<family>/<Class>.html  one model: fields, bounds, exclusive groups, rules, example
"""

from __future__ import annotations

from typing import Any

from embedding_contract.core.errors import (
    DiffInputError,
    ExternalReferenceError,
    JsonError,
    SiteError,
)
from embedding_contract.core.files import sha256
from embedding_contract.core.jsonio import parse
from embedding_contract.diff.wellformed import check_schema_document
from embedding_contract.pages.changelog import release_changes
from embedding_contract.pages.render import (
    ICON,
    STYLESHEET,
    ModelEntry,
    ReleaseEntry,
    Renderer,
    asset,
    changes_page,
    model_page,
    version_page,
)
from embedding_contract.pages.view import model_view
from embedding_contract.schemafiles.packaged import parse_index
from embedding_contract.schemafiles.releases import INDEX_FILE
from embedding_contract.schemafiles.site import Site, SiteFile

HTML_MEDIA_TYPE = "text/html; charset=utf-8"
CSS_MEDIA_TYPE = "text/css; charset=utf-8"
SVG_MEDIA_TYPE = "image/svg+xml"
MEDIA_TYPES = {"html": HTML_MEDIA_TYPE, "css": CSS_MEDIA_TYPE, "svg": SVG_MEDIA_TYPE}


def with_pages(site: Site) -> Site:
    """``site`` plus its pages (see the module docstring)."""
    index = parse_index(site.files[INDEX_FILE].content, INDEX_FILE)
    documents: dict[str, dict[str, Any]] = {}
    releases: list[ReleaseEntry] = []
    previous: tuple[str, dict[str, Any]] | None = None
    for version in site.versions:
        entry = index["versions"][version]
        docs = {path: _document(site, f"{version}/{path}")
                for path in _release_paths(site, version)}
        documents[version] = docs
        models = tuple(_model_entry(name, record, docs)
                       for name, record in sorted(entry.get("models", {}).items()))
        vocabulary = entry.get("vocabulary", {}).get("path", "").partition("/")[2] or None
        changes = release_changes(version, docs, previous)
        releases.append(ReleaseEntry(version, models, changes, vocabulary))
        previous = (version, docs)
    if not releases:
        raise SiteError(f"{INDEX_FILE} lists no version: no pages to write")
    renderer = Renderer(tuple(releases))
    pages: dict[str, bytes] = {"index.html": renderer.start(), STYLESHEET: asset(STYLESHEET),
                               ICON: asset(ICON)}
    histories: dict[str, dict[str, str]] = {}  # model -> version -> its page there
    for release in releases:
        for model in release.models:
            histories.setdefault(model.name, {})[release.version] = model_page(
                release.version, model.schema_path)
    for release in releases:
        pages[version_page(release.version)] = renderer.version(release)
        pages[changes_page(release.version)] = renderer.changes(release)
        for model in release.models:
            path = f"{release.version}/{model.schema_path}"
            try:
                view = model_view(model.name, documents[release.version][model.schema_path])
            except ExternalReferenceError as exc:
                raise SiteError(f"{path}: {exc}") from exc
            pages[model_page(release.version, model.schema_path)] = renderer.model(
                release, model, view, histories[model.name])
    files = dict(site.files)
    for path, content in pages.items():
        if path in files:
            raise SiteError(f"page {path} would replace a published file")
        media = MEDIA_TYPES[path.rpartition(".")[2]]
        files[path] = SiteFile(content, sha256(content), media, False, None)
    return Site(dict(sorted(files.items())), site.versions)


def _release_paths(site: Site, version: str) -> list[str]:
    prefix = f"{version}/"
    return sorted(p[len(prefix):] for p in site.files if p.startswith(prefix))


def _document(site: Site, path: str) -> Any:
    """A published schema, parsed and checked well formed (the keyword shapes the pages, the
    diff and the validators rely on)."""
    try:
        document = parse(site.files[path].content, path)
        check_schema_document(document, path)
    except (JsonError, DiffInputError) as exc:
        raise SiteError(str(exc)) from exc
    return document


def _model_entry(name: str, record: dict[str, Any], docs: dict[str, Any]) -> ModelEntry:
    path = record["path"].partition("/")[2]
    document = docs.get(path)
    if not isinstance(document, dict):
        raise SiteError(f"{record['path']}: a model's schema must be a JSON object")
    summary = document.get("description", "")
    return ModelEntry(name, name.partition(".")[0], name.rpartition(".")[2],
                      summary.split("\n")[0] if isinstance(summary, str) else "", path,
                      record["sha256"], str(record.get("$id", "")))
