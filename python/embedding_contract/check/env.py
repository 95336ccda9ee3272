"""``$VAR`` / ``${VAR}`` substitution in config scalars, as upstream's loader does it.

Names that are not set are left alone and ``$$`` is a literal ``$`` (``string.Template``'s
``safe_substitute``, upstream's own choice).
"""

from __future__ import annotations

import getpass
import os
import string
from collections.abc import Mapping


def environment() -> dict[str, str]:
    """What ``$NAME`` may name: the process environment plus ``USER``, as upstream."""
    env = dict(os.environ)
    env.setdefault("USER", _user())
    return env


def _user() -> str:
    try:
        return getpass.getuser()
    except (ImportError, KeyError, OSError):  # no user name on this system: leave $USER alone
        return "$USER"


def substitute(value: str, env: Mapping[str, str]) -> str:
    """``value`` with each ``$NAME`` and ``${NAME}`` that ``env`` holds replaced."""
    return string.Template(value).safe_substitute(env)
