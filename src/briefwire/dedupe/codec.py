"""The bytes the store keeps for each paragraph and document.

Paragraph: ``BWP`` + format version, shingle size, count, then the sorted distinct 32-bit
shingle hashes (≈ 4 bytes per word). The exact shingle set makes the confirmation step
exact after a reload, and the MinHash is derived from it, so changing ``num_perm`` or the
seed later needs no re-ingest.

Document: ``BWD`` + version, shingle size, distinct shingle count, seed, ``num_perm``,
then the MinHash values (a whole document's shingle set would be large; its MinHash is
enough to estimate resemblance).

All integers are little-endian.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

from briefwire.dedupe.shingles import U32

_PARA_MAGIC = b"BWP\x01"
_DOC_MAGIC = b"BWD\x01"
_PARA_HEAD = struct.Struct("<4sBI")
_DOC_HEAD = struct.Struct("<4sBIIH")
_LE_U32 = np.dtype("<u4")


class SignatureError(ValueError):
    """Stored signature bytes that this version cannot use, and why."""


@dataclass(frozen=True)
class DocumentSketch:
    shingle_size: int
    shingles: int
    seed: int
    minhash: U32


def encode_paragraph(shingle_size: int, shingles: U32) -> bytes:
    return _PARA_HEAD.pack(_PARA_MAGIC, shingle_size, len(shingles)) + shingles.astype(_LE_U32).tobytes()


def decode_paragraph(data: bytes) -> tuple[int, U32]:
    """``(shingle_size, sorted shingle hashes)``; SignatureError if the bytes are not ours."""
    if len(data) < _PARA_HEAD.size:
        raise SignatureError(f"paragraph signature too short ({len(data)} bytes)")
    magic, size, count = _PARA_HEAD.unpack_from(data)
    if magic != _PARA_MAGIC:
        raise SignatureError(f"not a paragraph signature of format 1 (starts {magic!r})")
    if len(data) != _PARA_HEAD.size + 4 * count or count == 0:
        raise SignatureError(f"paragraph signature truncated: {count} shingles in {len(data)} bytes")
    values = np.frombuffer(data, dtype=_LE_U32, offset=_PARA_HEAD.size).astype(np.uint32)
    return int(size), values


def encode_document(sketch: DocumentSketch) -> bytes:
    head = _DOC_HEAD.pack(_DOC_MAGIC, sketch.shingle_size, sketch.shingles, sketch.seed, len(sketch.minhash))
    return head + sketch.minhash.astype(_LE_U32).tobytes()


def decode_document(data: bytes) -> DocumentSketch:
    if len(data) < _DOC_HEAD.size:
        raise SignatureError(f"document signature too short ({len(data)} bytes)")
    magic, size, shingles, seed, num_perm = _DOC_HEAD.unpack_from(data)
    if magic != _DOC_MAGIC:
        raise SignatureError(f"not a document signature of format 1 (starts {magic!r})")
    if len(data) != _DOC_HEAD.size + 4 * num_perm:
        raise SignatureError(f"document signature truncated: {num_perm} values in {len(data)} bytes")
    values = np.frombuffer(data, dtype=_LE_U32, offset=_DOC_HEAD.size).astype(np.uint32)
    return DocumentSketch(int(size), int(shingles), int(seed), values)
