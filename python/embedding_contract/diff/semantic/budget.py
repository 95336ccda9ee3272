"""The budget of one comparison, and the one way the core says "I cannot decide"."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


class Undecided(Exception):
    """The question is outside what the core decides; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Budget:
    """Steps and wall time for one direction of one comparison."""

    steps: int = 20000
    seconds: float = 2.0
    start: float = field(default_factory=time.monotonic)

    def spend(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise Undecided("over the step budget")
        if self.steps % 256 == 0 and time.monotonic() - self.start > self.seconds:
            raise Undecided(f"over the time budget ({self.seconds:g} s)")
