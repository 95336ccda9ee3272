"""``python -m embedding_contract.cli``: the command line."""

from embedding_contract.cli.main import main

main()
