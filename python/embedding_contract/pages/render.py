"""The HTML pages of a published schema tree, rendered with Jinja2 from ``templates/``.

Every page is a pure function of the tree (and this package's version): no dates, no host
names, sorted everywhere, so two runs give byte-identical files. Links are relative, so the pages
work under any base path and from a static host. No page needs JavaScript.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from embedding_contract import __version__
from embedding_contract.core.versions import Version
from embedding_contract.pages.changelog import ReleaseChanges
from embedding_contract.pages.view import ModelView

STYLESHEET = "site.css"
ICON = "favicon.svg"
START_PAGE = "index.html"


def changes_page(version: str) -> str:
    return f"{version}/changes.html"


def version_page(version: str) -> str:
    return f"{version}/index.html"


def model_page(version: str, schema_path: str) -> str:
    """``1.1.0/recap/X.html`` beside ``1.1.0/recap/X.json``."""
    return f"{version}/{schema_path.removesuffix('.json')}.html"


@dataclass(frozen=True)
class ModelEntry:
    """One model of one release, as the lists show it."""

    name: str
    family: str
    title: str
    summary: str
    schema_path: str  # inside the version folder: recap/X.json
    sha256: str
    schema_id: str


@dataclass(frozen=True)
class ReleaseEntry:
    version: str
    models: tuple[ModelEntry, ...]
    changes: ReleaseChanges
    vocabulary: str | None  # path of the vocabulary meta-schema inside the version folder

    @property
    def major_alias(self) -> str:
        return f"v{Version.parse(self.version).major}"

    def families(self) -> dict[str, list[ModelEntry]]:
        found: dict[str, list[ModelEntry]] = {}
        for model in self.models:
            found.setdefault(model.family, []).append(model)
        return found


_CODE = re.compile(r"`([^`]+)`")


def inline(text: str) -> Markup:
    """Plain text with `backticked` names as <code>, everything else escaped."""
    return Markup(_CODE.sub(lambda m: f"<code>{m[1]}</code>", str(escape(text))))


@functools.cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("embedding_contract.pages", "templates"),
                      autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["inline"] = inline
    # Jinja's `capitalize` lowercases the rest (version labels, rule IDs): only the first letter.
    env.filters["sentence"] = lambda text: text[:1].upper() + text[1:]
    env.globals["package_version"] = __version__
    return env


class Renderer:
    """Renders the pages; ``here`` (the page's own path) makes every link relative."""

    def __init__(self, releases: tuple[ReleaseEntry, ...]) -> None:
        self.env = _environment()
        self.releases = releases
        self.latest = releases[-1]

    def _render(self, template: str, here: str, **values: Any) -> bytes:
        def link(target: str) -> str:
            return posixpath.relpath(target, posixpath.dirname(here) or ".")

        text = self.env.get_template(template).render(
            link=link, stylesheet=link(STYLESHEET), icon=link(ICON), home=link(START_PAGE),
            releases=self.releases, latest=self.latest, changes_page=changes_page,
            version_page=version_page, model_page=model_page, **values)
        return text.encode("utf-8")

    def start(self) -> bytes:
        return self._render("start.html.j2", START_PAGE, title="embedding-contract schemas")

    def version(self, release: ReleaseEntry) -> bytes:
        return self._render("version.html.j2", version_page(release.version), release=release,
                            title=f"Version {release.version}")

    def changes(self, release: ReleaseEntry) -> bytes:
        return self._render("changes.html.j2", changes_page(release.version), release=release,
                            changes=release.changes,
                            title=f"Changes in {release.version}")

    def model(self, release: ReleaseEntry, entry: ModelEntry, view: ModelView,
              history: Mapping[str, str]) -> bytes:
        """``history``: version -> the page of the same model in that version."""
        return self._render("model.html.j2", model_page(release.version, entry.schema_path),
                            release=release, entry=entry, model=view, history=history,
                            title=f"{entry.name} {release.version}")


def asset(name: str) -> bytes:
    """A file the pages load (the stylesheet, the icon), as it is in ``templates/``."""
    return _environment().get_template(name).render().encode("utf-8")
