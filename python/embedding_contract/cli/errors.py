"""How a command fails: one line ``embedding-contract: message`` on stderr and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

from embedding_contract.core.errors import ContractError, UsageError
from embedding_contract.core.exitcodes import ExitCode


def fail(message: str, code: ExitCode = ExitCode.USAGE) -> NoReturn:
    """Print ``message`` as the command's one error line and exit with ``code``."""
    click.echo(f"embedding-contract: {message}", err=True)
    sys.exit(code)


@contextmanager
def one_line_errors(*, failed: tuple[type[ContractError], ...] = ()) -> Iterator[None]:
    """Turn a :class:`ContractError` raised in the block into :func:`fail`: exit 1 for the
    ``failed`` types (the answer is no), 2 for the others and for every UsageError (the question
    could not be answered: a missing input, say)."""
    try:
        yield
    except ContractError as exc:
        answered = isinstance(exc, failed) and not isinstance(exc, UsageError)
        fail(str(exc), ExitCode.FAILED if answered else ExitCode.USAGE)
