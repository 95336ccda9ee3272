"""The portable-rule vocabulary: declared in the schema, enforced identically everywhere."""

from embedding_contract.vocabulary.keywords import (
    PREFIX,
    VOCABULARY,
    EqualAcross,
    GreaterThan,
    LengthRelation,
    References,
    Rule,
    StrictlyIncreasing,
    UniqueBy,
    rules_in,
    schema_fragment,
)
from embedding_contract.vocabulary.violation import Getter, Path, Violation, format_path, get_member

__all__ = [
    "PREFIX",
    "VOCABULARY",
    "EqualAcross",
    "Getter",
    "GreaterThan",
    "LengthRelation",
    "Path",
    "References",
    "Rule",
    "StrictlyIncreasing",
    "UniqueBy",
    "Violation",
    "format_path",
    "get_member",
    "rules_in",
    "schema_fragment",
]
