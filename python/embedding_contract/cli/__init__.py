"""The command line: one module per command, each parse -> build -> run over the library."""

from embedding_contract.cli.main import main

__all__ = ["main"]
