"""The ``embedding-contract`` command: a thin layer over the library, one clear line per failure.

Exit codes: 0 success, 1 the checked thing is invalid or drifts, 2 bad usage or unreadable input.
Heavy modules (Pydantic, jsonschema) are imported inside the commands that need them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from embedding_contract import __version__

EXIT_INVALID = 1
EXIT_USAGE = 2
BASE_URL_ENV = "EMBEDDING_CONTRACT_BASE_URL"


def _default_base_url() -> str:
    from embedding_contract.schemafiles.generate import DEFAULT_BASE_URL

    return os.environ.get(BASE_URL_ENV, DEFAULT_BASE_URL)


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"embedding-contract: {message}", err=True)
    sys.exit(code)


schemas_option = click.option(
    "--schemas", "schemas_dir", default="schemas", show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Root of the versioned schema tree.")
base_url_option = click.option(
    "--base-url", default=None,
    help=f"Base of every $id (default: ${BASE_URL_ENV} or https://embedding-contract.dev/schemas/).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="embedding-contract", message="%(prog)s %(version)s")
def main() -> None:
    """The embedding-config contract: models, versioned JSON Schemas and checks."""


@main.command()
def models() -> None:
    """List the model names (family.ClassName)."""
    from embedding_contract.models.registry import MODEL_NAMES

    for name in MODEL_NAMES:
        click.echo(name)


@main.command()
@click.option("--check", "check_only", is_flag=True,
              help="Export in memory and fail (exit 1) with a diff if the committed files drift.")
@schemas_option
@base_url_option
@click.option("--site", "site_dir", default=None, type=click.Path(path_type=Path),
              help="Instead, lay out the released SCHEMAS tree (default: the packaged one) in "
                   "this new folder exactly as `serve` publishes it, for a static host.")
def export(check_only: bool, schemas_dir: Path, base_url: str | None,
           site_dir: Path | None) -> None:
    """Export one JSON Schema per model into SCHEMAS/<version>/ and update index.json."""
    from embedding_contract.core.errors import ContractError, DriftError
    from embedding_contract.schemafiles.export import check
    from embedding_contract.schemafiles.export import export as do_export

    if site_dir is not None:
        _export_site(schemas_dir, site_dir, check_only, base_url)
        return
    url = base_url or _default_base_url()
    try:
        if check_only:
            check(schemas_dir, __version__, url)
            click.echo(f"{schemas_dir}/ matches the models (version {__version__})")
            return
        result = do_export(schemas_dir, __version__, url)
    except DriftError as exc:
        click.echo(exc.diff, nl=False)
        _fail(f"{exc}; run `embedding-contract export` (or bump the version)", EXIT_INVALID)
    except ContractError as exc:
        _fail(str(exc), EXIT_INVALID)
    state = "written" if result.written else "already up to date"
    click.echo(f"{schemas_dir}/{result.version}/: {result.files} files {state}")


@main.command()
@click.option("--model", "model_name", default=None,
              help="Model to validate against (default: the file's $schema key or modeline).")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]),
              default="text", show_default=True)
@click.option("--no-env", is_flag=True,
              help="Do not substitute $VAR / ${VAR} from the environment.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Largest file accepted (default 64 MiB).")
@click.option("--skip-unnamed", is_flag=True,
              help="Skip files that name no contract model instead of failing (pre-commit).")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(model_name: str | None, output_format: str, no_env: bool, max_bytes: int | None,
             skip_unnamed: bool, files: tuple[Path, ...]) -> None:
    """Validate config FILES (YAML or JSON); every error as FILE:LINE:COL: path: message [rule]."""
    from embedding_contract.check.pipeline import check_file

    if model_name is not None:
        from embedding_contract.core.errors import UsageError
        from embedding_contract.models.registry import check_name

        try:
            check_name(model_name)
        except UsageError as exc:
            _fail(str(exc))
    reports = [check_file(f, model_name, substitute_env=not no_env, max_bytes=max_bytes,
                          skip_unnamed=skip_unnamed) for f in files]
    _print_reports(reports, output_format)
    sys.exit(max((r.exit_code for r in reports), default=0))


def _print_reports(reports: list[Any], output_format: str) -> None:
    if output_format == "json":
        click.echo(json.dumps([e for r in reports for e in r.as_json()], indent=2,
                              ensure_ascii=False))
        return
    for report in reports:
        for line in (report.github_lines() if output_format == "github" else report.text_lines()):
            click.echo(line, err=report.exit_code == EXIT_USAGE and output_format == "text")
    checked = [r for r in reports if not r.skipped]
    bad = sum(1 for r in checked if r.exit_code)
    # One file's errors stand alone; a summary only for several files or a clean run.
    if output_format == "text" and (len(reports) > 1 or not bad):
        skipped = len(reports) - len(checked)
        click.echo(f"{len(checked) - bad} of {len(checked)} files valid"
                   + (f" ({skipped} naming no model skipped)" if skipped else ""), err=True)


@main.command("editor-setup")
@click.option("--local", is_flag=True,
              help="Refer to local schema files instead of the $id URLs.")
@click.option("--schemas", "schemas_dir", default=None,
              type=click.Path(file_okay=False, path_type=Path),
              help="Schema tree for --local (default: ./schemas, else the packaged copy).")
@click.option("--relative-to", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="With --local: the folder of the config files, which modeline paths are "
                   "relative to (default: the current folder).")
@click.option("--model", "models", multiple=True, help="Only this model (repeatable).")
@click.option("--glob", "globs", multiple=True, metavar="MODEL=PATTERN",
              help="Files the model applies to (repeatable; default **/*.MODEL.yaml, .yml "
                   "and .json; .json patterns go to json.schemas).")
@click.option("--only", type=click.Choice(["settings", "modelines"]), default=None,
              help="Print only the VS Code settings (JSON) or only the modelines.")
@base_url_option
def editor_setup_command(local: bool, schemas_dir: Path | None, relative_to: Path | None,
                         models: tuple[str, ...], globs: tuple[str, ...], only: str | None,
                         base_url: str | None) -> None:
    """Print the modeline and the VS Code yaml.schemas setting for each model."""
    from embedding_contract.check.editor import editor_setup, parse_globs
    from embedding_contract.core.errors import ContractError

    try:
        if local and schemas_dir is None:
            schemas_dir = Path("schemas")
            if not (schemas_dir / __version__).is_dir():
                from embedding_contract.schemafiles.packaged import root_dir

                schemas_dir = root_dir()
        setup = editor_setup(__version__, base_url=base_url or _default_base_url(),
                             models=models, globs=parse_globs(globs),
                             schemas_dir=schemas_dir if local else None, relative_to=relative_to)
    except ContractError as exc:
        _fail(str(exc))
    click.echo(setup.render(only), nl=False)


@main.command("check")
@schemas_option
@base_url_option
@click.option("--examples", "examples_dir", default="examples", show_default=True,
              type=click.Path(file_okay=False, path_type=Path))
def check_command(schemas_dir: Path, base_url: str | None, examples_dir: Path) -> None:
    """The CI gate: schemas match the models, every file in EXAMPLES is valid, and the version
    bump covers the schema changes since the last release (docs/diff.md)."""
    from embedding_contract.check.pipeline import check_file
    from embedding_contract.core.errors import DriftError
    from embedding_contract.schemafiles.export import check

    failed = False
    try:
        check(schemas_dir, __version__, base_url or _default_base_url())
        click.echo(f"ok   {schemas_dir}/ matches the models (version {__version__})")
    except DriftError as exc:
        click.echo(exc.diff, nl=False)
        click.echo(f"FAIL {exc}; run `embedding-contract export`")
        failed = True
    examples = sorted(p for p in examples_dir.rglob("*")
                      if p.suffix in {".yaml", ".yml", ".json"}) if examples_dir.is_dir() else []
    if not examples:
        click.echo(f"FAIL no example configs under {examples_dir}/")
        failed = True
    for path in examples:
        report = check_file(path, None)
        if report.exit_code:
            failed = True
            for line in report.text_lines():
                click.echo(f"FAIL {line}")
        else:
            click.echo(f"ok   {path} ({report.model})")
    from embedding_contract.diff.command import gate_for_check

    lines, gate_failed = gate_for_check(schemas_dir, __version__,
                                        base_url or _default_base_url())
    for line in lines:
        click.echo(line)
    sys.exit(EXIT_INVALID if failed or gate_failed else 0)


def _export_site(schemas_dir: Path, site_dir: Path, check_only: bool,
                 base_url: str | None) -> None:
    from embedding_contract.cli.serving import export_site
    from embedding_contract.core.errors import ContractError

    if check_only or base_url:
        _fail("--site publishes the released files as they are: it takes neither --check nor "
              "--base-url")
    source = click.get_current_context().get_parameter_source("schemas_dir")
    explicit = source is not click.core.ParameterSource.DEFAULT or schemas_dir.is_dir()
    try:
        click.echo(export_site(schemas_dir if explicit else None, site_dir))
    except ContractError as exc:
        _fail(str(exc))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0: any free port, announced in the log).")
@click.option("--dir", "directory", default=None, type=click.Path(path_type=Path),
              help="Schema tree to serve (default: the packaged schemas; in a source checkout, "
                   "schemas/).")
@click.option("--base-path", default="/", show_default=True,
              help="URL path the tree is served under: the path of the $id base URL.")
@click.option("--access-log/--no-access-log", default=True, show_default=True,
              help="One JSON line per request on stderr.")
def serve(directory: Path | None, host: str, port: int, base_path: str,
          access_log: bool) -> None:
    """Serve the released schemas over HTTP at their $id paths (extra: [serve])."""
    from embedding_contract.cli.serving import run_serve
    from embedding_contract.core.errors import ContractError

    try:
        run_serve(directory, host, port, base_path, access_log)
    except ContractError as exc:
        _fail(str(exc))


@main.command()
@click.option("--base-url", required=True, envvar=BASE_URL_ENV, show_envvar=True,
              help="Where the schemas are published (a schema server or static host).")
@click.option("--version", "version", default="latest", show_default=True,
              help="Exact version, major line (1), or latest.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the schema here instead of stdout.")
@click.option("--cache-dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="On-disk cache (default: $EMBEDDING_CONTRACT_CACHE_DIR or "
                   "~/.cache/embedding-contract).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.01),
              help="Seconds per request.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(0, 10),
              help="Retries after a network error or 5xx, with exponential backoff.")
@click.option("--fallback/--no-fallback", default=True, show_default=True,
              help="When the server is unreachable, use the cache, then the packaged copy.")
@click.argument("name")
def fetch(base_url: str, version: str, output: Path | None, cache_dir: Path | None,
          timeout: float, retries: int, fallback: bool, name: str) -> None:
    """Fetch the schema of model NAME, verified against the server's index (extra: [fetch])."""
    from embedding_contract.cli.serving import run_fetch
    from embedding_contract.core.errors import ContractError, SchemaIntegrityError

    try:
        lines = run_fetch(base_url, name, version, output, cache_dir, timeout, retries, fallback)
    except ContractError as exc:
        _fail(str(exc), EXIT_INVALID if isinstance(exc, SchemaIntegrityError) else EXIT_USAGE)
    for line in lines:
        click.echo(f"embedding-contract: {line}", err=True)


@main.command("diff")
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--against-release", is_flag=True,
              help="Compare the current models with the released schemas (the version gate).")
@click.option("--mode", type=click.Choice(["backward", "forward", "full"]), default=None,
              help="Compatibility to require (default: config, else backward).")
@click.option("--policy", type=click.Choice(["strict", "tolerant-reader"]), default=None,
              help="strict: readers reject unknown keys; tolerant-reader: they ignore them.")
@click.option("--transitive/--no-transitive", default=None,
              help="With --against-release: check against every released version.")
@click.option("--exceptions", "exceptions_file", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Accepted breaks (default: config, else contract-exceptions.yaml).")
@click.option("--format", "output_format",
              type=click.Choice(["text", "json", "markdown", "github"]), default="text",
              show_default=True)
@click.option("--no-witness", is_flag=True, help="Skip the witness search (faster).")
@click.option("--list-rules", is_flag=True, help="List the rule IDs and what they mean.")
@schemas_option
@base_url_option
def diff_command(old: str | None, new: str | None, against_release: bool, mode: str | None,
                 policy: str | None, transitive: bool | None, exceptions_file: Path | None,
                 output_format: str, no_witness: bool, list_rules: bool, schemas_dir: Path,
                 base_url: str | None) -> None:
    """Compare schemas OLD and NEW (a file, a version folder, or git:REF): one finding per
    change with its rule, place, and effect on backward and forward compatibility."""
    from embedding_contract.core.errors import ContractError
    from embedding_contract.diff.command import run_diff
    from embedding_contract.diff.gate import load_options

    if exceptions_file is not None and not against_release:
        _fail("--exceptions needs --against-release")
    try:
        options = load_options(mode=mode, policy=policy, transitive=transitive,
                               exceptions=exceptions_file, witnesses=not no_witness)
        text, code = run_diff(old, new, against_release=against_release, options=options,
                              output_format=output_format, list_rules=list_rules,
                              schemas_dir=schemas_dir, version=__version__,
                              base_url=base_url or _default_base_url())
    except ContractError as exc:
        _fail(str(exc))
    click.echo(text)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
