"""Duplicate detection: exact copies by content hash, syndicated near-copies by MinHash.

The MinHash signature of an article's word 5-grams is cut into BANDS bands of
ROWS values (LSH). Articles sharing a band are candidates; a candidate whose
estimated Jaccard similarity reaches THRESHOLD is a near-copy. The band keys and
signatures are stored (store/writer.py), so detection works across runs.
"""
from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Callable, Sequence
from functools import lru_cache

from datasketch import MinHash

NUM_PERM = 128
BANDS, ROWS = 32, 4  # 32 x 4 = 128: a pair at Jaccard 0.5 is a candidate 87% of the time
THRESHOLD = 0.7
SHINGLE = 5
SCHEME = "affine32"  # fixed: stored signatures must keep one scheme (datasketch 2.x)
WORD = re.compile(r"\w+")

Bands = tuple[tuple[int, int], ...]


def content_hash(text: str) -> str:
    """The article's identity: its text with whitespace runs collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


def raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=1)
def _prototype() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)


def signature(text: str) -> bytes:
    words = WORD.findall(text.lower())
    shingles = [" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    minhash = MinHash(num_perm=NUM_PERM, seed=1, permutations=_prototype().permutations,
                      scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8", "surrogatepass") for s in shingles if s])
    return minhash.hashvalues.astype("<u8").tobytes()


def bands_of(sig: bytes) -> Bands:
    width = ROWS * 8
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * width:(band + 1) * width], digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))  # fits BIGINT
    return tuple(keys)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    left, right = array("Q", a), array("Q", b)  # stored little-endian, as this machine
    return sum(x == y for x, y in zip(left, right, strict=True)) / NUM_PERM


class NearDuplicateIndex:
    """Stored signatures (through ``lookup``) plus those not yet committed."""

    def __init__(self, lookup: Callable[[Sequence[tuple[int, int]]], list[tuple[str, bytes]]],
                 threshold: float = THRESHOLD) -> None:
        self._lookup = lookup
        self.threshold = threshold
        self._pending: dict[tuple[int, int], list[tuple[str, bytes]]] = {}

    def find(self, sig: bytes, bands: Bands) -> tuple[str, float] | None:
        """The most similar known article (content hash, similarity), if close enough."""
        candidates = dict(self._lookup(bands))
        for key in bands:
            candidates.update(self._pending.get(key, ()))
        best: tuple[str, float] | None = None
        for content, other in candidates.items():
            score = similarity(sig, other)
            if score >= self.threshold and (best is None or score > best[1]):
                best = (content, score)
        return best

    def add(self, content: str, sig: bytes, bands: Bands) -> None:
        for key in bands:
            self._pending.setdefault(key, []).append((content, sig))

    def committed(self) -> None:
        """The pending signatures are now in the store."""
        self._pending.clear()
