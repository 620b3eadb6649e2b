"""When to ask a source again: its interval after a success, exponential backoff after failures.

After the n-th failure in a row the wait is drawn uniformly from [interval, interval * 2**n]
("full jitter" above the interval, capped), so many sources failing together do not come back
together; a server's Retry-After is a floor. After ``pause_after`` failures in a row the
source is paused with the reason, and the others go on.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class BackoffOptions:
    cap: float = 3600.0
    pause_after: int = 6


def next_wait(
    interval: float,
    failures: int,
    retry_after: float | None = None,
    options: BackoffOptions | None = None,
    rng: random.Random | None = None,
) -> float:
    """Seconds until the next poll, given the failures in a row so far (0 after a success)."""
    opts = options or BackoffOptions()
    if failures <= 0:
        wait = interval
    else:
        top = min(max(opts.cap, interval), interval * 2**failures)
        wait = (rng or random).uniform(interval, top)
    return max(wait, retry_after or 0.0)


def should_pause(failures: int, options: BackoffOptions | None = None) -> bool:
    return failures >= (options or BackoffOptions()).pause_after
