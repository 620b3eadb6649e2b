"""MinHash signatures and LSH band keys, computed for many sets at once.

The permutations are datasketch's (``MinHash(num_perm, seed)``, scheme ``affine32``), and
``minhashes`` returns exactly the hash values datasketch's ``MinHash.update_batch`` gives
for the same 32-bit shingle hashes (a test holds this). The difference is speed: all
shingles of a document go through the permutations as one numpy matrix instead of one
Python call per shingle or per paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

from briefwire.dedupe.shingles import U32, U64, fmix64

# Rows of the (shingles x permutations) matrix worked on at once: bounds memory on huge
# documents (8192 x 128 x 4 bytes = 4 MB).
_BLOCK_ROWS = 8192
_M32A = np.uint32(0x85EBCA6B)
_M32B = np.uint32(0xC2B2AE35)


def _fmix32(x: U32) -> U32:
    x = x ^ (x >> np.uint32(16))
    x = x * _M32A
    x = x ^ (x >> np.uint32(13))
    x = x * _M32B
    return x ^ (x >> np.uint32(16))


class MinHasher:
    """Computes datasketch-compatible MinHash values of shingle-hash sets."""

    def __init__(self, num_perm: int, seed: int) -> None:
        a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
        self.num_perm = num_perm
        self.seed = seed
        self._a = np.asarray(a, dtype=np.uint32)
        self._b = np.asarray(b, dtype=np.uint32)

    def minhashes(self, sets: Sequence[U32], num_perm: int | None = None) -> U32:
        """One row of MinHash values per (non-empty) set; only the first ``num_perm`` columns."""
        width = self.num_perm if num_perm is None else num_perm
        out = np.empty((len(sets), width), dtype=np.uint32)
        a, b = self._a[:width], self._b[:width]
        start = 0
        while start < len(sets):
            stop, rows = start, 0
            while stop < len(sets) and (stop == start or rows + len(sets[stop]) <= _BLOCK_ROWS):
                rows += len(sets[stop])
                stop += 1
            out[start:stop] = self._block(sets[start:stop], a, b)
            start = stop
        return out

    @staticmethod
    def _block(sets: Sequence[U32], a: U32, b: U32) -> U32:
        lengths = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
        if (lengths == 0).any():
            raise ValueError("cannot MinHash an empty set")
        values = _fmix32(np.concatenate(sets))
        permuted = values[:, None] * a[None, :] + b[None, :]
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        return np.minimum.reduceat(permuted, offsets, axis=0)


def band_keys(minhashes: U32, bands: int, rows: int) -> U64:
    """A 64-bit key per (set, band): equal keys mean equal MinHash values in that band.

    Keys of different bands are salted apart, so all bands can share one table. Two
    different bands collide with probability 2**-64 per pair, which is never in practice.
    """
    n = minhashes.shape[0]
    grid = minhashes[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    acc = grid[:, :, 0]
    if rows >= 2:  # two 32-bit values fit one key exactly
        acc = (acc << np.uint64(32)) | grid[:, :, 1]
    for j in range(2, rows):
        acc = fmix64(acc) ^ grid[:, :, j]
    salt = fmix64(np.arange(1, bands + 1, dtype=np.uint64))
    return fmix64(acc ^ salt[None, :])
