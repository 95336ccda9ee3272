"""``ContractModel``: the base of every config class, and the bridge from declarations to checks.

A subclass declares its contract in three places, each read once when Pydantic builds the class:
- field types from :mod:`embedding_contract.models.types` (standard keywords);
- group markers (:mod:`embedding_contract.models.groups`) and array rules (array-scope
  :class:`~embedding_contract.vocabulary.PortableRule` values such as ``UniqueBy``) in a field's
  ``Annotated`` metadata;
- object rules (rules between two fields) in the class variable ``contract_rules``.
From those the class gets one after-validator (only if it declares anything) and the matching
JSON Schema keywords, so a rule is written once and means the same in Pydantic and in the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationError,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import InitErrorDetails, PydanticCustomError, core_schema

from embedding_contract.models import groups
from embedding_contract.vocabulary import PortableRule, Violation, get_attribute, schema_fragment


@dataclass(frozen=True)
class ModelSpec:
    """What a model class declares beyond its field types."""

    groups: tuple[groups.Group, ...]
    field_rules: tuple[tuple[str, tuple[PortableRule, ...]], ...]
    object_rules: tuple[PortableRule, ...]

    @property
    def empty(self) -> bool:
        return not (self.groups or self.field_rules or self.object_rules)

    def violations(self, model: BaseModel) -> Iterator[Violation]:
        for group in self.groups:
            is_set = [m for m in group.members if getattr(model, m) is not None]
            problem = group.problem(is_set)
            if problem:
                yield Violation((), group.kind, problem, is_set)
        for field_name, rules in self.field_rules:
            value = getattr(model, field_name)
            for rule in rules:
                for v in rule.check(value, get_attribute):
                    yield Violation((field_name, *v.path), v.rule, v.message, v.value)
        for rule in self.object_rules:
            yield from rule.check(model, get_attribute)


def model_spec(cls: type[ContractModel]) -> ModelSpec:
    """Read (once) the groups and rules that ``cls`` declares."""
    cached = cls.__dict__.get("_contract_spec")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    fields = cls.__pydantic_fields__
    field_rules: list[tuple[str, tuple[PortableRule, ...]]] = []
    for name, info in fields.items():
        rules: tuple[PortableRule, ...] = tuple(
            m for m in _flat_metadata(info.annotation, info.metadata)
            if isinstance(m, PortableRule))
        if rules:
            field_rules.append((name, rules))
    spec = ModelSpec(
        groups=groups.collect((n, f.metadata) for n, f in fields.items()),
        field_rules=tuple(field_rules),
        object_rules=tuple(cls.contract_rules),
    )
    for rule in spec.object_rules:
        if rule.SCOPE != "object":
            raise TypeError(f"{cls.__name__}.contract_rules holds {rule!r}, which is an array rule")
    type.__setattr__(cls, "_contract_spec", spec)
    return spec


def _flat_metadata(annotation: Any, metadata: list[Any]) -> list[Any]:
    """Field metadata plus that of ``Annotated`` inside ``Optional[...]``."""
    found = list(metadata)
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(getattr(arg, "__metadata__", ()))
    return found


def _raise(cls: type[BaseModel], violations: list[Violation]) -> None:
    raise ValidationError.from_exception_data(cls.__name__, [
        InitErrorDetails(
            type=PydanticCustomError(v.rule, "{detail}", {"detail": v.message, "rule": v.rule}),
            loc=v.path, input=v.value)
        for v in violations
    ])


class ContractModel(BaseModel):
    """Base of every config class: unknown keys are rejected, declared rules are enforced."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    contract_rules: ClassVar[tuple[PortableRule, ...]] = ()
    """Rules between fields of this class (object-scope keywords of the vocabulary)."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        schema = handler(source)
        if (cls.__name__ == "ContractModel" and cls.__module__ == __name__) or source is not cls:
            return schema
        spec = model_spec(cls)
        if spec.empty:
            return schema

        def check(model: ContractModel) -> ContractModel:
            found = list(spec.violations(model))
            if found:
                _raise(cls, found)
            return model

        # Wrap the model's own definition in place, moving its ref outward as Pydantic does for
        # model validators, so the class stays a named ``$defs`` entry in the JSON Schema.
        target: Any = handler.resolve_ref_schema(schema)
        inner = dict(target)
        ref = inner.pop("ref", None)
        target.clear()
        target.update(core_schema.no_info_after_validator_function(check, inner))  # type: ignore[arg-type]
        if ref is not None:
            target["ref"] = ref
        return schema

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        if cls.__name__ == "ContractModel" and cls.__module__ == __name__:
            return json_schema
        target = handler.resolve_ref_schema(json_schema)
        spec = model_spec(cls)
        properties = target.get("properties", {})
        for field_name, rules in spec.field_rules:
            _array_branch(properties[field_name]).update(schema_fragment(list(rules)))
        target.update(schema_fragment(list(spec.object_rules)))
        group_schemas = [g.json_schema() for g in spec.groups]
        if len(group_schemas) == 1:
            target.update(group_schemas[0])
        elif group_schemas:
            target["allOf"] = group_schemas
        return json_schema


def _array_branch(prop: dict[str, Any]) -> dict[str, Any]:
    """The array schema inside a property schema (the non-null branch of an optional field)."""
    for branch in prop.get("anyOf", ()):
        if branch.get("type") == "array":
            return branch  # type: ignore[no-any-return]
    return prop
