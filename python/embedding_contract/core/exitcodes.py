"""The exit codes of every command (documented in the README)."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    """Everything valid, compatible, up to date."""
    FAILED = 1
    """Something is invalid, breaking, or out of date: the answer is no."""
    USAGE = 2
    """The question could not be answered: unreadable input, bad usage, a missing tool."""
