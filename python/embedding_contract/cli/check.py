"""``embedding-contract check``: the CI gate (schema drift, the examples, the version bump)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from embedding_contract import __version__
from embedding_contract.cli.errors import one_line_errors
from embedding_contract.cli.options import base_url_option, base_url_or_default, schemas_option
from embedding_contract.core.exitcodes import ExitCode


@click.command("check")
@schemas_option
@base_url_option
@click.option("--examples", "examples_dir", default="examples", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder of example configs (YAML or JSON), each naming its model.")
def check_command(schemas_dir: Path, base_url: str | None, examples_dir: Path) -> None:
    """The CI gate: schemas match the models, every file in EXAMPLES is valid, and the version
    bump covers the schema changes since the last release (`embedding-contract diff
    --against-release` shows them). Needs the schema tree (--schemas, a source checkout's by
    default); without it, exit 2."""
    from embedding_contract.check.pipeline import judge_folder
    from embedding_contract.check.reports import gate_lines
    from embedding_contract.core.errors import DriftError
    from embedding_contract.diff.command import gate_for_check
    from embedding_contract.schemafiles.export import check, require_tree

    url = base_url_or_default(base_url)
    failed = False
    with one_line_errors():  # a gate without its inputs must not pass: exit 2
        require_tree(schemas_dir)
    try:
        check(schemas_dir, __version__, url)
        click.echo(f"ok   {schemas_dir}/ matches the models (version {__version__})")
    except DriftError as exc:
        click.echo(exc.diff, nl=False)
        click.echo(f"FAIL {exc}; run `embedding-contract export`")
        failed = True
    reports = judge_folder(examples_dir)
    if not reports:
        click.echo(f"FAIL no example configs under {examples_dir}/")
        failed = True
    for report in reports:
        failed = failed or report.exit_code != ExitCode.OK
        for line in gate_lines(report):
            click.echo(line)
    with one_line_errors():
        lines, gate_failed = gate_for_check(schemas_dir, __version__, url)
    for line in lines:
        click.echo(line)
    sys.exit(ExitCode.FAILED if failed or gate_failed else ExitCode.OK)
