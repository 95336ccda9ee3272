"""The recap models (public import path; they live in :mod:`embedding_contract.models.recap`)."""

from embedding_contract.models.recap import *  # noqa: F403
from embedding_contract.models.recap import __all__ as __all__
