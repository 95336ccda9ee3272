"""The ``embedding-contract`` command group: one module per command, each a thin layer over the
library that turns every failure into one clear line.

Exit codes (:class:`embedding_contract.core.exitcodes.ExitCode`): 0 success, 1 the checked thing
is invalid or drifts, 2 bad usage or unreadable input. Heavy modules (Pydantic, jsonschema, the
server and client stacks) are imported inside the commands that need them.
"""

from __future__ import annotations

import click

from embedding_contract import __version__
from embedding_contract.cli.check import check_command
from embedding_contract.cli.diff import diff_command
from embedding_contract.cli.editor_setup import editor_setup_command
from embedding_contract.cli.export import export
from embedding_contract.cli.fetch import fetch
from embedding_contract.cli.models import models
from embedding_contract.cli.serve import serve
from embedding_contract.cli.validate import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="embedding-contract", message="%(prog)s %(version)s")
def main() -> None:
    """The embedding-config contract: models, versioned JSON Schemas and checks."""


for _command in (models, export, validate, editor_setup_command, check_command, serve, fetch,
                 diff_command):
    main.add_command(_command)
