"""scale: the per-article pipeline on Ray (the only package that imports ray).

    units.py     specs -> work units (one file, archive or URL each), read on workers
    worker.py    the Ray Data callables: read a unit, extract a batch (an actor class)
    runner.py    run_ingest_ray(): Ray Data -> the local engine's dedup + writer -> fusion
    command.py   `dateline ingest --engine ray` (called from cli/ingest_cmd.py)

Ray itself is imported lazily (``require_ray``), so this package imports without it.
"""
from __future__ import annotations

from ..errors import ConfigError

INSTALL_HINT = "pip install 'dateline[ray]' (or `make install`)"


def require_ray():  # noqa: ANN201 - the ray module
    """The ray module, or a one-line ConfigError saying how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is the part we need
    except ImportError as exc:
        raise ConfigError(f"--engine ray needs Ray, which is not installed: {INSTALL_HINT} "
                          f"({exc})") from exc
    return ray
