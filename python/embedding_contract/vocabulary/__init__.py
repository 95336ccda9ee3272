"""The portable-rule vocabulary: declared in the schema, enforced identically everywhere.

Each rule is one module of :mod:`embedding_contract.vocabulary.rules`, a subclass of
:class:`PortableRule`; importing the module registers the rule in ``VOCABULARY``.
"""

from embedding_contract.vocabulary.rule import (
    PREFIX,
    VOCABULARY,
    Break,
    PortableRule,
    Source,
    rules_in,
    schema_fragment,
)
from embedding_contract.vocabulary.violation import (
    Getter,
    Path,
    Violation,
    get_attribute,
    get_member,
)

# isort: off
# Registration order is the order ``rules_in`` finds the rules of one schema object in.
from embedding_contract.vocabulary.rules.unique_by import UniqueBy
from embedding_contract.vocabulary.rules.equal_across import EqualAcross
from embedding_contract.vocabulary.rules.strictly_increasing import StrictlyIncreasing
from embedding_contract.vocabulary.rules.references import References
from embedding_contract.vocabulary.rules.length_relation import LengthRelation
from embedding_contract.vocabulary.rules.greater_than import GreaterThan
# isort: on

__all__ = [
    "PREFIX",
    "VOCABULARY",
    "Break",
    "EqualAcross",
    "Getter",
    "GreaterThan",
    "LengthRelation",
    "Path",
    "PortableRule",
    "References",
    "Source",
    "StrictlyIncreasing",
    "UniqueBy",
    "Violation",
    "get_attribute",
    "get_member",
    "rules_in",
    "schema_fragment",
]
