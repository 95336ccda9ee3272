"""The semantic-version gate: does the contract version match what changed since the last release?

The package ``__version__`` is the contract version and ``schemas/<version>/`` holds the released,
immutable versions. The gate compares the in-memory export of the current models with the newest
released version strictly older than ``__version__`` (with ``--transitive``, with every one):

- a change breaking in the checked mode needs a new major version; any other change to what
  validates (or to a default) a new minor; annotations only a patch; a larger bump is fine;
- when the models drift from an already released ``__version__`` (a model changed without a
  bump), the gate fails and names the bump needed relative to that release;
- with no older release in an existing tree, ``__version__`` is the first release and passes;
  no tree, or an index naming a version whose folder is absent, is an input error (exit 2): a
  gate never passes for want of something to compare.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from embedding_contract.core.errors import DiffInputError
from embedding_contract.core.exitcodes import ExitCode
from embedding_contract.core.versions import Bump, Version
from embedding_contract.diff.engine import attach_witnesses, diff_files
from embedding_contract.diff.findings import Effect, Finding, Mode, Policy
from embedding_contract.diff.keywords import canonical
from embedding_contract.diff.sources import Release, read_version, release_from_export
from embedding_contract.diff.waivers import DEFAULT_FILE, Waiver, apply_waivers, load_waivers

CONFIG_TABLE = ("tool", "embedding-contract", "gate")
_CONFIG_KEYS = {"policy", "mode", "transitive", "exceptions"}


@dataclass(frozen=True)
class Options:
    mode: Mode = Mode.BACKWARD
    policy: Policy = Policy.STRICT
    transitive: bool = False
    exceptions: Path = Path(DEFAULT_FILE)
    witnesses: bool = True


def load_options(pyproject: Path = Path("pyproject.toml"), *, mode: str | None = None,
                 policy: str | None = None, transitive: bool | None = None,
                 exceptions: Path | None = None, witnesses: bool = True) -> Options:
    """Options from the command line, else ``[tool.embedding-contract.gate]``, else defaults."""
    table = _config_table(pyproject)
    unknown = set(table) - _CONFIG_KEYS
    if unknown:
        raise DiffInputError(f"{pyproject}: unknown key(s) in [{'.'.join(CONFIG_TABLE)}]: "
                             f"{', '.join(sorted(unknown))}")
    try:
        chosen_mode = Mode(mode or table.get("mode", Mode.BACKWARD.value))
        chosen_policy = Policy(policy or table.get("policy", Policy.STRICT.value))
    except ValueError as exc:
        raise DiffInputError(f"{pyproject}: {exc}") from exc
    chosen_transitive = transitive if transitive is not None else table.get("transitive", False)
    if not isinstance(chosen_transitive, bool):
        raise DiffInputError(f"{pyproject}: transitive must be true or false")
    path = exceptions or Path(table.get("exceptions", DEFAULT_FILE))
    return Options(chosen_mode, chosen_policy, chosen_transitive, path, witnesses)


def _config_table(pyproject: Path) -> Mapping[str, Any]:
    if not pyproject.is_file():
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[import-not-found,no-redef]
        except ImportError as exc:
            if "embedding-contract.gate" in pyproject.read_text(encoding="utf-8"):
                raise DiffInputError(f"{pyproject}: reading [{'.'.join(CONFIG_TABLE)}] on "
                                     "Python 3.10 needs the tomli package") from exc
            return {}
    try:
        data: Any = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DiffInputError(f"{pyproject}: {exc}") from exc
    for key in CONFIG_TABLE:
        data = data.get(key, {}) if isinstance(data, Mapping) else {}
    if not isinstance(data, Mapping):
        raise DiffInputError(f"{pyproject}: [{'.'.join(CONFIG_TABLE)}] must be a table")
    return data


@dataclass
class Comparison:
    """One OLD -> NEW comparison and its verdict."""

    old: Release
    new: Release
    findings: list[Finding]
    required: Bump
    actual: Bump | None
    ok: bool
    message: str
    breaking: bool
    mode: Mode


@dataclass
class Report:
    """Everything a diff or a gate run found, ready for any output format."""

    gate: bool
    options: Options
    comparisons: list[Comparison] = field(default_factory=list)
    stale: list[Waiver] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> ExitCode:
        if self.stale or not all(c.ok for c in self.comparisons):
            return ExitCode.FAILED
        return ExitCode.OK


def required_bump(findings: list[Finding], mode: Mode) -> Bump:
    return max((f.bump(mode.directions) for f in findings), default=Bump.NONE)


def compare(old: Release, new: Release, options: Options,
            waivers: list[Waiver] | None = None, used: set[Waiver] | None = None) -> Comparison:
    """Diff two releases under ``options`` and say which version bump the changes need."""
    def where(side: str, name: str) -> str:
        release = old if side == "OLD" else new
        # A single file was matched under its counterpart's name: show its own.
        return f"{side} {release.label if release.single else release.path_of(name)}"

    findings = diff_files(old.documents, new.documents, options.policy, where)
    if options.witnesses:
        findings = attach_witnesses(findings, old.documents, new.documents, options.policy,
                                    options.mode.directions)
    if waivers:
        findings = apply_waivers(findings, waivers, new.version, used if used is not None
                                 else set())
    required = required_bump(findings, options.mode)
    breaking = any(f.breaks(options.mode.directions) for f in findings)
    actual = None
    if old.version is not None and new.version is not None:
        actual = Version.parse(old.version).bump_to(Version.parse(new.version))
    undecided = sum(1 for f in findings if f.waived is None and any(
        f.effect(d) is Effect.POSSIBLY_BREAKING for d in options.mode.directions))
    return Comparison(old, new, findings, required, actual, not breaking,
                      _verdict(breaking, required, options.mode, undecided), breaking,
                      options.mode)


def _verdict(breaking: bool, required: Bump, mode: Mode, undecided: int = 0) -> str:
    if breaking:
        counted = (f" ({undecided} undecided change{'s' if undecided != 1 else ''} counted as "
                   "breaking)" if undecided else "")
        return f"breaking under {mode.value} compatibility: needs a major version{counted}"
    if required is Bump.NONE:
        return "no changes"
    return f"compatible under {mode.value} compatibility: needs at least a {required} bump"


def run_gate(schemas_dir: Path, version: str, base_url: str, options: Options) -> Report:
    """Check ``__version__`` against the released versions (see the module docstring)."""
    from embedding_contract.schemafiles.export import build_release, require_tree

    current_version = Version.parse(version)
    released = require_tree(schemas_dir)
    report = Report(True, options)
    current = release_from_export(build_release(version, base_url), version,
                                  f"models (version {version})",
                                  f"{schemas_dir.as_posix().rstrip('/')}/{version}/")
    newer = [v for v in released if Version.parse(v) > current_version]
    if newer:
        report.notes.append(f"released versions newer than {version} exist "
                            f"({', '.join(newer)}); __version__ went backwards")
    older = [v for v in released if Version.parse(v) < current_version]
    baselines = older if options.transitive else older[-1:]
    drift = False
    if version in released:
        committed = read_version(schemas_dir, version)
        drift = _differs(committed.documents, current.documents)
        if drift:
            baselines = [version, *(older if options.transitive else [])]
    waivers = load_waivers(options.exceptions)
    known = {*released, version}
    report.stale.extend(w for w in waivers if w.version not in known)
    used: set[Waiver] = set()
    for base in baselines:
        comparison = compare(read_version(schemas_dir, base), current, options,
                             [w for w in waivers if w.version == version], used)
        _judge(comparison, base, version, drift and base == version)
        report.comparisons.append(comparison)
    report.stale.extend(w for w in waivers if w.version == version and w not in used)
    if newer:
        for c in report.comparisons:
            c.ok = False
    if not baselines:
        report.notes.append(f"{version} is the first release: nothing to compare against")
    return report


def _differs(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return set(a) != set(b) or any(canonical(a[k]) != canonical(b[k]) for k in a)


def _judge(c: Comparison, base: str, version: str, drift: bool) -> None:
    needed = c.required
    if drift:
        needed = max(needed, Bump.PATCH)
        c.ok = False
        c.message = (f"the models changed since {version} was released, without a version bump: "
                     f"{_why(c)}; bump __version__ to {_bumped(version, needed)} and export")
        return
    if c.actual is None:
        c.ok = False
        c.message = f"version {version} is older than the released {base}"
        return
    c.ok = c.actual >= needed
    if needed is Bump.NONE:
        c.message = f"{version} over {base}: the schemas did not change"
    elif c.ok:
        c.message = f"{version} is a {c.actual} bump over {base}: {_why(c)}"
    else:
        c.message = (f"{version} is only a {c.actual} bump over {base}, but {_why(c)}: "
                     f"bump __version__ to at least {_bumped(base, needed)}")


def _bumped(version: str, bump: Bump) -> Version:
    return Version.parse(version).bumped(bump)


def _why(c: Comparison) -> str:
    """Which findings demand the required bump."""
    if c.required is Bump.NONE:
        return "the files differ, but nothing that validation or a reader sees"
    demanding = [f for f in c.findings if f.bump(c.mode.directions) is c.required]
    rules = sorted({f.rule for f in demanding})
    what = {Bump.MAJOR: "breaking", Bump.MINOR: "additive", Bump.PATCH: "annotation"}[c.required]
    many = len(demanding) != 1
    return (f"{len(demanding)} {what} change{'s' if many else ''} ({', '.join(rules)}) "
            f"need{'' if many else 's'} a {c.required} version")

