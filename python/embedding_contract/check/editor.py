"""Editor support: the modeline and the VS Code ``yaml.schemas`` setting for each model.

The YAML extension for VS Code (Red Hat's yaml-language-server) validates and completes a file
against a JSON Schema named by a first-line modeline or mapped to the file by a glob in its
``yaml.schemas`` setting; ``embedding-contract validate`` reads the same modeline. The editor
checks the standard keywords; the portable rules (``x-contract-*``) only ``validate`` checks.
``yaml.yamlVersion`` is set to 1.1 because the contract's loader reads YAML 1.1 like upstream
(``2_000_000`` is an integer there, a string in YAML 1.2).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from embedding_contract.core.errors import UsageError
from embedding_contract.models.registry import MODEL_NAMES

MODELINE_PREFIX = "# yaml-language-server: $schema="


def schema_file(name: str, version: str) -> str:
    """``recap.LargeEmbeddingsConfig`` -> ``<version>/recap/LargeEmbeddingsConfig.json``."""
    family, _, cls = name.partition(".")
    return f"{version}/{family}/{cls}.json"


def default_globs(name: str) -> list[str]:
    """A file-naming convention that maps to exactly one model: ``x.recap.LearningRate.yaml``."""
    return [f"**/*.{name}.yaml", f"**/*.{name}.yml", f"**/*.{name}.json"]


@dataclass(frozen=True)
class EditorSetup:
    """For each chosen model: the schema reference for the settings, the one for modelines
    (they differ only for local paths, which a modeline resolves from the config's folder),
    and the globs of the files it applies to."""

    settings_refs: Mapping[str, str]
    modeline_refs: Mapping[str, str]
    globs: Mapping[str, Sequence[str]]

    def modelines(self) -> list[str]:
        return [MODELINE_PREFIX + self.modeline_refs[name] for name in self.modeline_refs]

    def vscode_settings(self) -> dict[str, object]:
        """``yaml.schemas`` for the YAML globs; ``json.schemas`` (VS Code's own JSON support)
        for the ``.json`` ones, since a ``$schema`` member, which ``validate`` reads, is an
        unknown key to the editor in the contract's closed objects."""
        settings: dict[str, object] = {}
        json_schemas = [{"fileMatch": json_globs, "url": self.settings_refs[name]}
                        for name in self.settings_refs
                        if (json_globs := [g for g in self.globs[name] if g.endswith(".json")])]
        if json_schemas:
            settings["json.schemas"] = json_schemas
        yaml_schemas = {self.settings_refs[name]: yaml_globs for name in self.settings_refs
                        if (yaml_globs := [g for g in self.globs[name]
                                           if not g.endswith(".json")])}
        if yaml_schemas:
            settings["yaml.schemas"] = yaml_schemas
            settings["yaml.yamlVersion"] = "1.1"
        return settings

    def render(self, only: str | None = None) -> str:
        settings = json.dumps(self.vscode_settings(), indent=2)
        if only == "settings":
            return settings + "\n"
        if only == "modelines":
            return "".join(line + "\n" for line in self.modelines())
        out = ["# Modelines: make one the first line of a YAML config (VS Code and",
               "# `embedding-contract validate` both read it).", ""]
        for name, line in zip(self.modeline_refs, self.modelines(), strict=True):
            out += [f"# {name}", line, ""]
        out += ["# .vscode/settings.json (YAML configs: the YAML extension by Red Hat; JSON",
                "# configs: VS Code itself) maps each schema to the files matching its globs;",
                "# edit the globs to match your files.", settings]
        return "\n".join(out) + "\n"


def parse_globs(pairs: Iterable[str]) -> dict[str, list[str]]:
    """``["recap.LearningRate=configs/lr/*.yaml", ...]`` -> model -> globs (in given order)."""
    globs: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, pattern = pair.partition("=")
        if not sep or not pattern:
            raise UsageError(f"--glob {pair!r}: expected MODEL=PATTERN")
        _check_model(name)
        globs.setdefault(name, []).append(pattern)
    return globs


def _check_model(name: str) -> None:
    if name not in MODEL_NAMES:
        raise UsageError(f"unknown model {name!r}; known models: {', '.join(MODEL_NAMES)}")


def editor_setup(version: str, *, base_url: str, models: Sequence[str] = (),
                 globs: Mapping[str, Sequence[str]] | None = None,
                 schemas_dir: Path | None = None, relative_to: Path | None = None,
                 cwd: Path | None = None) -> EditorSetup:
    """The setup for ``models`` (default: those with globs, else all), referring to the schemas
    by their ``$id`` URLs, or, with ``schemas_dir``, by local paths: relative to ``cwd`` (the
    workspace root) in the settings, relative to ``relative_to`` (the configs' folder) in the
    modelines."""
    globs = dict(globs or {})
    for name in models:
        _check_model(name)
    chosen = set(models) | set(globs)
    names = [n for n in MODEL_NAMES if n in chosen] if chosen else list(MODEL_NAMES)
    settings_refs: dict[str, str] = {}
    modeline_refs: dict[str, str] = {}
    here = (cwd or Path.cwd()).resolve()
    for name in names:
        relative = schema_file(name, version)
        if schemas_dir is None:
            settings_refs[name] = modeline_refs[name] = base_url + relative
            continue
        path = (schemas_dir / relative).resolve()
        if not path.is_file():
            raise UsageError(f"no schema file {schemas_dir / relative}: is {schemas_dir} the "
                             f"schema tree of version {version}? (pass --schemas DIR)")
        settings_refs[name] = _relative(path, here, dot=True)
        modeline_refs[name] = _relative(path, (relative_to or here).resolve(), dot=False)
    return EditorSetup(settings_refs, modeline_refs,
                       {n: list(globs.get(n) or default_globs(n)) for n in names})


def local_schemas(version: str, schemas_dir: Path | None) -> Path:
    """The schema tree local references point into: ``schemas_dir``, else ``./schemas`` when it
    holds ``version``, else the source checkout's. Never the installed package's copy: a path
    into a virtual environment breaks when it is rebuilt, and on a colleague's machine."""
    if schemas_dir is not None:
        return schemas_dir
    if (Path("schemas") / version).is_dir():
        return Path("schemas")
    from embedding_contract.core.paths import source_checkout

    top = source_checkout()
    if top is None:
        raise UsageError(LOCAL_OUTSIDE_CHECKOUT)
    return top / "schemas"


LOCAL_OUTSIDE_CHECKOUT = (
    "--local refers to schema files in your project, and there are none here: copy them with "
    "`embedding-contract export --site schemas` (then commit them), or pass --schemas DIR")


def _relative(path: Path, start: Path, *, dot: bool) -> str:
    """``path`` relative to ``start`` with forward slashes (``./x`` when ``dot``), or absolute
    when they share no root (another drive)."""
    try:
        text = Path(os.path.relpath(path, start)).as_posix()
    except ValueError:
        return path.as_posix()
    return f"./{text}" if dot and not text.startswith("../") else text
