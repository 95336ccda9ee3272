"""The contract's models: field types, groups, the Pydantic classes of each family, the registry."""
