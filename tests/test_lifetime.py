"""Models loaded for the life of the process are kept out of the garbage collector's work."""

from __future__ import annotations

import gc

from briefwire.lifetime import keep_forever


def test_keep_forever_moves_what_is_alive_out_of_the_collectors_generations() -> None:
    kept = [[i] for i in range(1000)]  # objects the collector tracks
    before = gc.get_freeze_count()
    try:
        keep_forever()
        assert gc.get_freeze_count() >= before + len(kept)
        assert sum(gc.get_count()) < len(kept)  # nothing of it is left for a collection to walk
    finally:
        gc.unfreeze()  # give this test process its collector back
