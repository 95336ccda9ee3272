"""``embedding-contract validate``: judge config files and report every error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from embedding_contract.check.reports import FORMATS
from embedding_contract.cli.errors import one_line_errors


@click.command()
@click.option("--model", "model_name", default=None,
              help="Model to validate against (default: the file's $schema key or modeline).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="text: one line per error; json: one list for tools; github: GitHub Actions "
                   "annotations.")
@click.option("--no-env", is_flag=True,
              help="Do not substitute $VAR / ${VAR} from the environment.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Largest file accepted (default 64 MiB).")
@click.option("--skip-unnamed", is_flag=True,
              help="Skip files that name no contract model instead of failing (pre-commit).")
@click.option("--max-errors", type=click.IntRange(min=1), default=100, show_default=True,
              help="Errors reported per file; a last line counts the rest.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(model_name: str | None, output_format: str, no_env: bool, max_bytes: int | None,
             skip_unnamed: bool, max_errors: int, files: tuple[Path, ...]) -> None:
    """Validate config FILES (YAML or JSON); every error as FILE:LINE:COL: path: message [rule]."""
    from embedding_contract.check.pipeline import judge_file
    from embedding_contract.check.reports import render
    from embedding_contract.check.result import worst
    from embedding_contract.models.registry import check_name

    if model_name is not None:
        with one_line_errors():
            check_name(model_name)
    reports = [judge_file(f, model_name, substitute_env=not no_env, max_bytes=max_bytes,
                          skip_unnamed=skip_unnamed, max_errors=max_errors) for f in files]
    for line in render(reports, output_format):
        click.echo(line.text, err=line.to_stderr)
    sys.exit(worst(reports))
