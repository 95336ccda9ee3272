"""The twhin models (public import path; they live in :mod:`embedding_contract.models.twhin`)."""

from embedding_contract.models.twhin import *  # noqa: F403
from embedding_contract.models.twhin import __all__ as __all__
