"""``embedding-contract diff``: compare two schemas, or the models with the release."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from embedding_contract import __version__
from embedding_contract.cli.errors import fail, one_line_errors
from embedding_contract.cli.options import base_url_option, base_url_or_default, schemas_option
from embedding_contract.core.exitcodes import ExitCode


@click.command("diff")
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
# The formats of diff.report.FORMATS, spelled out: importing the diff engine costs start-up.
@click.option("--format", "output_format",
              type=click.Choice(["text", "json", "markdown", "github"]), default="text",
              show_default=True,
              help="text: one line per finding; json: for tools; markdown: a pull-request "
                   "comment; github: GitHub Actions annotations.")
@click.option("--no-witness", is_flag=True, help="Skip the witness search (faster).")
@click.option("--list-rules", is_flag=True, help="List the rule IDs and what they mean.")
@click.option("--default-draft",
              type=click.Choice(["2020-12", "2019-09", "draft-07", "draft-06", "draft-04"]),
              default="2020-12", show_default=True,
              help="The draft of a schema file without $schema.")
@schemas_option
@base_url_option
def diff_command(old: str | None, new: str | None, against_release: bool, mode: str | None,
                 policy: str | None, transitive: bool | None, exceptions_file: Path | None,
                 output_format: str, no_witness: bool, list_rules: bool, default_draft: str,
                 schemas_dir: Path, base_url: str | None) -> None:
    """Compare schemas OLD and NEW (a file, a version folder, or git:REF): one finding per
    change with its rule, place, and effect on backward and forward compatibility."""
    from embedding_contract.diff.command import run_diff
    from embedding_contract.diff.gate import load_options

    if exceptions_file is not None and not against_release:
        fail("--exceptions needs --against-release")
    with one_line_errors():
        options = load_options(mode=mode, policy=policy, transitive=transitive,
                               exceptions=exceptions_file, witnesses=not no_witness)
        text, code = run_diff(old, new, against_release=against_release, options=options,
                              output_format=output_format, list_rules=list_rules,
                              schemas_dir=schemas_dir, version=__version__,
                              base_url=base_url_or_default(base_url),
                              default_draft=default_draft)
    click.echo(text)
    sys.exit(ExitCode(code))
