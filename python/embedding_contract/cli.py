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

from . import __version__

EXIT_INVALID = 1
EXIT_USAGE = 2
BASE_URL_ENV = "EMBEDDING_CONTRACT_BASE_URL"


def _default_base_url() -> str:
    from .schema_gen import DEFAULT_BASE_URL

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
    from .registry import MODEL_NAMES

    for name in MODEL_NAMES:
        click.echo(name)


@main.command()
@click.option("--check", "check_only", is_flag=True,
              help="Export in memory and fail (exit 1) with a diff if the committed files drift.")
@schemas_option
@base_url_option
def export(check_only: bool, schemas_dir: Path, base_url: str | None) -> None:
    """Export one JSON Schema per model into SCHEMAS/<version>/ and update index.json."""
    from .errors import ContractError, DriftError
    from .export import check
    from .export import export as do_export

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
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(model_name: str | None, output_format: str, no_env: bool, max_bytes: int | None,
             files: tuple[Path, ...]) -> None:
    """Validate config FILES (YAML or JSON); every error as FILE:LINE:COL: path: message [rule]."""
    from .check_files import check_file

    if model_name is not None:
        from .errors import UsageError
        from .registry import resolve

        try:
            resolve(model_name)
        except UsageError as exc:
            _fail(str(exc))
    reports = [check_file(f, model_name, substitute_env=not no_env, max_bytes=max_bytes)
               for f in files]
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
    if output_format == "text":
        bad = sum(1 for r in reports if r.exit_code)
        click.echo(f"{len(reports) - bad} of {len(reports)} files valid", err=True)


@main.command("check")
@schemas_option
@base_url_option
@click.option("--examples", "examples_dir", default="examples", show_default=True,
              type=click.Path(file_okay=False, path_type=Path))
def check_command(schemas_dir: Path, base_url: str | None, examples_dir: Path) -> None:
    """The CI gate: schemas match the models, and every file in EXAMPLES is valid."""
    from .check_files import check_file
    from .errors import DriftError
    from .export import check

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
    sys.exit(EXIT_INVALID if failed else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
