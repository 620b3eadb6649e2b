"""Objects loaded for the life of a process, taken out of the garbage collector's work.

A process that has loaded spaCy, natasha, the gazetteer and the sentence-embedding model holds
about half a million long-lived objects. Python's cyclic collector walks all of them on every
full collection, and linking allocates enough small objects to trigger many: on a 20k-post
ledger that walking took half the time of an incremental re-link. :func:`keep_forever`, called
right after a model loads, collects once and moves everything alive into the permanent
generation (``gc.freeze``), so later collections only look at what was made since.
"""

from __future__ import annotations

import gc


def keep_forever() -> None:
    """Everything alive now lives as long as the process: stop scanning it."""
    gc.collect()
    gc.freeze()
