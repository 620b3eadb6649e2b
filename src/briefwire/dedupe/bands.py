"""The LSH table: band key -> indexed item ids, in compact numpy runs.

datasketch's in-memory ``MinHashLSH`` keeps one Python set per bucket, ≈ 8–11 KB per
indexed paragraph (FIELD-NOTES; 1 GB per 100k paragraphs). This table answers the same
queries (a test compares it with ``MinHashLSH`` on the same MinHashes) from sorted arrays
of 64-bit keys and 32-bit ids: 12 bytes per band per item.

New entries go to a small dict; when it fills up it is sorted into a run, and runs of
similar size are merged (like a binary counter), so there are O(log n) runs and each key
is copied O(log n) times. A lookup is one vectorised search per run; big runs carry a
directory so that it costs about the same at 10k or 10M keys (see ``runs.py``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from briefwire.dedupe.runs import Run, merge
from briefwire.dedupe.shingles import U64

I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]

_PENDING_LIMIT = 1 << 17


class BandTable:
    """A multimap from 64-bit band keys to item ids (ids grow as items are added)."""

    def __init__(self, max_bucket: int, directory_min: int = 1 << 16) -> None:
        self.max_bucket = max_bucket
        self.directory_min = directory_min
        self._runs: list[Run] = []
        # Not yet sorted into a run: keys seen once map to their item, repeated keys to a list.
        self._single: dict[int, int] = {}
        self._multi: dict[int, list[int]] = {}
        self._pending = 0

    def __len__(self) -> int:
        return self._pending + sum(len(run) for run in self._runs)

    def nbytes(self) -> int:
        """Memory held by the sorted runs (the pending entries are bounded and few)."""
        return sum(run.nbytes for run in self._runs)

    def add(self, keys: U64, item_ids: U32) -> None:
        """Add ``keys[i, :]`` for item ``item_ids[i]`` (keys: items x bands)."""
        flat = keys.ravel().tolist()
        ids = np.repeat(item_ids, keys.shape[1]).tolist()
        fresh = dict(zip(flat, ids, strict=True))
        if len(fresh) < len(flat):  # a key twice in one batch (identical paragraphs): go slowly
            for key, item in zip(flat, ids, strict=True):
                self._add_one(key, item)
        else:
            seen = fresh.keys() & self._single.keys()
            if self._multi:
                seen |= fresh.keys() & self._multi.keys()
            for key in seen:
                self._add_one(key, fresh.pop(key))
            self._single.update(fresh)  # keys new to the table: no Python loop
        self._pending += len(flat)
        if self._pending >= _PENDING_LIMIT:
            self.flush()

    def _add_one(self, key: int, item: int) -> None:
        bucket = self._multi.get(key)
        if bucket is not None:
            bucket.append(item)
        elif key in self._single:
            self._multi[key] = [self._single.pop(key), item]
        else:
            self._single[key] = item

    def add_bulk(self, keys: U64, item_ids: U32) -> None:
        """Add many items at once (rebuilding from the store): one sorted run, no dict."""
        if keys.size:
            self.flush()
            self._push_run(keys.ravel(), np.repeat(item_ids, keys.shape[1]))

    def flush(self) -> None:
        if not self._pending:
            return
        n_multi = sum(len(v) for v in self._multi.values())
        keys = np.fromiter(self._single.keys(), dtype=np.uint64, count=len(self._single))
        ids = np.fromiter(self._single.values(), dtype=np.uint32, count=len(self._single))
        multi_keys = np.fromiter(
            (k for k, v in self._multi.items() for _ in v), dtype=np.uint64, count=n_multi
        )
        multi_ids = np.fromiter((i for v in self._multi.values() for i in v), dtype=np.uint32, count=n_multi)
        self._single, self._multi, self._pending = {}, {}, 0
        self._push_run(np.concatenate((keys, multi_keys)), np.concatenate((ids, multi_ids)))

    def _push_run(self, keys: U64, ids: U32) -> None:
        # Ids arrive in increasing order; a stable sort keeps each bucket in that order.
        order = np.argsort(keys, kind="stable")
        self._runs.append(Run(keys[order], ids[order], self.directory_min))
        while len(self._runs) > 1 and len(self._runs[-2]) <= 2 * len(self._runs[-1]):
            newer = self._runs.pop()
            self._runs.append(merge(self._runs.pop(), newer, self.directory_min))

    def lookup(self, keys: U64) -> tuple[I64, U32]:
        """All (position in ``keys.ravel()``, item id) pairs with equal keys.

        Per key at most ``max_bucket`` items are returned, the most recent ones: a paragraph
        repeated thousands of times (a channel footer) costs no more than a rare one.
        """
        flat = keys.ravel()
        quota = np.full(len(flat), self.max_bucket, dtype=np.int64)
        positions: list[I64] = []
        items: list[U32] = []
        if self._pending:
            self._lookup_pending(flat, quota, positions, items)
        order = np.argsort(flat)  # sorted needles make numpy's binary searches cheaper
        needles = flat[order]
        for run in reversed(self._runs):  # newest first
            lo, hi = run.find(needles)
            hit = np.flatnonzero(hi > lo)
            if not len(hit):
                continue
            at = order[hit]
            counts = np.minimum(hi[hit] - lo[hit], np.maximum(quota[at], 0))
            quota[at] -= counts
            positions.append(np.repeat(at, counts))
            starts = np.repeat(hi[hit] - counts - (np.cumsum(counts) - counts), counts)
            items.append(run.ids[starts + np.arange(int(counts.sum()))])
        if not positions:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.uint32)
        return np.concatenate(positions), np.concatenate(items)

    def _lookup_pending(self, flat: U64, quota: I64, positions: list[I64], items: list[U32]) -> None:
        keys = flat.tolist()
        wanted = set(keys)
        single = self._single.keys() & wanted  # set operations in C, not a dict lookup per key
        if single:
            at = [i for i, key in enumerate(keys) if key in single]
            positions.append(np.asarray(at, dtype=np.int64))
            items.append(np.asarray([self._single[keys[i]] for i in at], dtype=np.uint32))
            quota[at] -= 1
        multi = self._multi.keys() & wanted
        if not multi:
            return
        for i in [i for i, key in enumerate(keys) if key in multi]:
            tail = self._multi[keys[i]][-self.max_bucket :]
            positions.append(np.full(len(tail), i, dtype=np.int64))
            items.append(np.asarray(tail, dtype=np.uint32))
            quota[i] -= len(tail)
