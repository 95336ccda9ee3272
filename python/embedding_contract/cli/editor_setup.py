"""``embedding-contract editor-setup``: modelines and VS Code settings for the schemas."""

from __future__ import annotations

from pathlib import Path

import click

from embedding_contract import __version__
from embedding_contract.cli.errors import one_line_errors
from embedding_contract.cli.options import base_url_option, base_url_or_default


@click.command("editor-setup")
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
    from embedding_contract.check.editor import editor_setup, local_schemas, parse_globs

    with one_line_errors():
        local_dir = local_schemas(__version__, schemas_dir) if local else None
        setup = editor_setup(__version__, base_url=base_url_or_default(base_url),
                             models=models, globs=parse_globs(globs), schemas_dir=local_dir,
                             relative_to=relative_to)
    click.echo(setup.render(only), nl=False)
