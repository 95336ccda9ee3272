"""Every error the package raises on purpose, in one module, each with structured fields.

The CLI turns each into one clear line and an exit code (:mod:`embedding_contract.core.exitcodes`):
a :class:`UsageError` (bad input or usage) exits 2. Errors raised while handling another are
chained (``raise ... from exc``) so the cause stays visible to a debugger and in logs.
"""

from __future__ import annotations


class ContractError(Exception):
    """Base class of every error the package raises on purpose."""


class UsageError(ContractError):
    """The caller asked for something that does not exist (an unknown model name, say)."""


class VersionError(UsageError):
    """A version string is not of the form ``MAJOR.MINOR.PATCH``."""

    def __init__(self, message: str, *, text: str) -> None:
        super().__init__(message)
        self.text = text


class JsonError(UsageError):
    """A document is not strict JSON (bad UTF-8, NaN, a duplicate key, too deep...)."""

    def __init__(self, message: str, *, origin: str) -> None:
        super().__init__(message)
        self.origin = origin


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


class ConfigInvalid(ContractError):
    """A config file parsed but breaks the contract; ``errors`` holds one line per error, as
    ``embedding-contract validate`` prints them (``FILE:LINE:COL: path: message [rule]``)."""

    def __init__(self, file: str, errors: list[str]) -> None:
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        super().__init__(f"{file}: {count}:\n" + "\n".join(errors))
        self.file = file
        self.errors = errors


class ExportError(ContractError):
    """Exporting would break a rule of the schema tree (a released version changing, say)."""


class DriftError(ContractError):
    """The committed schemas differ from what the models export now."""

    def __init__(self, message: str, diff: str) -> None:
        super().__init__(message)
        self.diff = diff


class SchemaIntegrityError(ContractError):
    """A schema file is missing, unreadable, or its content does not match its sha256."""


class IntegrityError(SchemaIntegrityError):
    """Content does not match the sha256 the server's index.json gives for it."""


class FetchError(ContractError):
    """The schema could not be obtained from the server, the cache or the package."""


class SiteError(ContractError):
    """The schema tree cannot be published (missing, damaged, or the target is not usable)."""


class ServeError(ContractError):
    """The server cannot start (bad directory, address in use...)."""


class MissingExtra(ContractError):
    """An optional dependency of a command is not installed."""


class SchemaTreeError(UsageError):
    """A gate's schema tree is missing or unreadable, or lacks a version its index names."""


class DiffInputError(UsageError):
    """Unreadable or unusable input of a diff (exit code 2)."""


class ExternalReferenceError(UsageError):
    """A schema's ``$ref`` points outside the documents given (http://, file://, an unknown URI):
    it is refused rather than retrieved, so no network or file access is made."""

    def __init__(self, message: str, *, ref: str) -> None:
        super().__init__(message)
        self.ref = ref


class UnsafeOutputError(UsageError):
    """An output path is not a regular file that may be replaced (a symlink, a directory...)."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class FileWriteError(ContractError, OSError):
    """A file or folder cannot be written (a read-only tree, a full disk...). Also an OSError,
    so callers that handle the OS's error keep doing so."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message
