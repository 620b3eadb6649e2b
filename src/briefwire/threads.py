"""One BLAS/OpenMP thread per process, for the whole process.

numpy's OpenBLAS (and the OpenMP runtimes of spaCy's and torch's maths) start one thread per
core by default. briefwire's parallelism is one process per core (``--workers``), and on a
shared two-core machine a second BLAS thread per process only contends: natasha measured 6-8
times slower with the default threads (``bench/threads.py`` shows the effect). So the
``briefwire`` command pins every pool to one thread before numpy loads (:func:`pin_environment`,
called first thing by ``briefwire.cli``); worker processes inherit the environment. Library
callers that loaded numpy already can call :func:`pin` to limit the pools now loaded as well.

A variable the user has set is left alone: ``OPENBLAS_NUM_THREADS=2 briefwire ingest ...``
gives two threads.
"""

from __future__ import annotations

import os

VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def pin_environment(threads: int = 1) -> list[str]:
    """Set every thread-count variable the user has not set; returns the names set.

    Takes effect for libraries loaded after the call (numpy reads it once, when it loads) and
    for every child process started afterwards.
    """
    added = [name for name in VARIABLES if name not in os.environ]
    os.environ.update(dict.fromkeys(added, str(threads)))
    return added


def pin(threads: int = 1) -> None:
    """Pin the environment, and limit the thread pools of libraries already loaded."""
    pin_environment(threads)
    from threadpoolctl import threadpool_limits  # noqa: PLC0415 - loads nothing it limits

    threadpool_limits(limits=int(os.environ.get("OPENBLAS_NUM_THREADS", threads)))
