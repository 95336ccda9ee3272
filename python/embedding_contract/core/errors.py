"""Precise error types raised by the library; the CLI turns each into one clear line."""

from __future__ import annotations


class ContractError(Exception):
    """Base class of every error the package raises on purpose."""


class UsageError(ContractError):
    """The caller asked for something that does not exist (an unknown model name, say)."""


class LoadError(ContractError):
    """A config file cannot be read or parsed; carries the file and, where known, the position."""

    def __init__(self, message: str, *, file: str = "<input>", line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class ExportError(ContractError):
    """Exporting would break a rule of the schema tree (a released version changing, say)."""


class DriftError(ContractError):
    """The committed schemas differ from what the models export now."""

    def __init__(self, message: str, diff: str) -> None:
        super().__init__(message)
        self.diff = diff
