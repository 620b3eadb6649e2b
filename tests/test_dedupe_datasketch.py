"""The fast paths give datasketch's answers: same MinHash values, same LSH candidates."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from briefwire.dedupe.bands import BandTable
from briefwire.dedupe.minhash import MinHasher, band_keys
from briefwire.dedupe.options import band_params
from briefwire.dedupe.shingles import paragraph_shingles, words


def related_sets(rng: np.random.Generator, n: int) -> list[np.ndarray]:
    """Sets drawn from a few shared pools, so that many pairs overlap a little or a lot."""
    pools = [rng.integers(0, 2**32, size=60, dtype=np.uint32) for _ in range(12)]
    out = []
    for _ in range(n):
        pool = pools[rng.integers(len(pools))]
        keep = pool[rng.random(len(pool)) < rng.uniform(0.3, 1.0)]
        noise = rng.integers(0, 2**32, size=int(rng.integers(1, 30)), dtype=np.uint32)
        out.append(np.unique(np.concatenate((keep, noise))))
    return out


def test_dedupe_minhash_values_equal_datasketch() -> None:
    rng = np.random.default_rng(3)
    sets = [
        *related_sets(rng, 20),
        np.array([7], dtype=np.uint32),
        rng.integers(0, 2**32, 20_000, dtype=np.uint32),
    ]
    ours = MinHasher(128, 1).minhashes(sets)
    for values, row in zip(sets, ours, strict=True):
        reference = MinHash(num_perm=128, seed=1, hashfunc=int)
        reference.update_batch(values.tolist())
        assert np.array_equal(reference.hashvalues, row)


@pytest.mark.parametrize("threshold", [0.3, 0.8])
@pytest.mark.parametrize("directory_min", [1 << 16, 1, 3000], ids=["search", "directory", "mixed"])
def test_dedupe_band_table_finds_what_datasketch_lsh_finds(threshold: float, directory_min: int) -> None:
    rng = np.random.default_rng(5)
    sets = related_sets(rng, 400)
    bands, rows = band_params(threshold, 0.98, 128)
    minhashes = MinHasher(128, 1).minhashes(sets)
    keys = band_keys(minhashes, bands, rows)
    lsh = MinHashLSH(num_perm=128, params=(bands, rows))
    table = BandTable(max_bucket=10_000, directory_min=directory_min)
    for i, row in enumerate(minhashes[:300]):
        lsh.insert(i, MinHash(seed=1, hashvalues=row, scheme="affine32"))
    # Some of the index in sorted runs, some still pending: both must answer.
    table.add_bulk(keys[:100], np.arange(100, dtype=np.uint32))
    for start in range(100, 300, 25):
        table.add(keys[start : start + 25], np.arange(start, start + 25, dtype=np.uint32))
        if start == 200:
            table.flush()
    total = 0
    for q in range(300, 400):
        expected = set(lsh.query(MinHash(seed=1, hashvalues=minhashes[q], scheme="affine32")))
        _, found = table.lookup(keys[q : q + 1])
        assert set(found.tolist()) == expected
        total += len(expected)
    assert total > 100  # the sets do overlap: the comparison is not vacuous


def test_dedupe_band_table_caps_huge_buckets_to_the_most_recent() -> None:
    table = BandTable(max_bucket=5)
    same = np.full((40, 1), 99, dtype=np.uint64)
    table.add_bulk(same[:20], np.arange(20, dtype=np.uint32))
    table.add(same[20:22], np.arange(20, 22, dtype=np.uint32))
    assert sorted(table.lookup(np.array([[99]], dtype=np.uint64))[1].tolist()) == [17, 18, 19, 20, 21]
    table.add(same[22:], np.arange(22, 40, dtype=np.uint32))
    table.flush()
    positions, found = table.lookup(np.array([[7, 99]], dtype=np.uint64))
    assert positions.tolist() == [1] * 5 and sorted(found.tolist()) == [35, 36, 37, 38, 39]


def test_dedupe_words_fold_case_quotes_apostrophes_and_yo() -> None:
    assert words("«Ёлки» — it’s “Russia's” __bold__ 300,000") == [
        "елки",
        "its",
        "russias",
        "bold",
        "300",
        "000",
    ]


def test_dedupe_shingles_never_cross_paragraphs() -> None:
    counts, sets = paragraph_shingles(["one two three four five six", "seven eight", ""], 5)
    assert counts == [6, 2, 0]
    assert [len(s) for s in sets] == [2, 1, 0]
    _, alone = paragraph_shingles(["seven eight"], 5)
    assert np.array_equal(alone[0], sets[1])
