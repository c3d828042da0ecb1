"""Average-link agglomerative clustering over a sparse graph of pair scores.

Pairs that blocking never compared count as score 0, so a cluster only grows
when a new member agrees with most of it on average: one strong link cannot
chain two different events together (the guard single-link lacks). Clusters
given at the start (events from an earlier run) are never split.
"""
from __future__ import annotations

import heapq
from typing import Callable, Iterable

CanMerge = Callable[[frozenset[int], frozenset[int]], bool]


def average_link(n: int, scores: dict[tuple[int, int], float], *, threshold: float,
                 initial: Iterable[Iterable[int]] = (), can_merge: CanMerge | None = None
                 ) -> list[list[int]]:
    """Clusters of 0..n-1 (sorted, each sorted), merged while average score >= threshold.

    ``scores`` holds (i, j) with i < j. Ties break on the lowest member indices,
    so the same input always gives the same clusters.
    """
    owner = list(range(n))
    members: dict[int, set[int]] = {i: {i} for i in range(n)}
    for group in initial:
        group = sorted(set(group))
        if not group:
            continue
        head = group[0]
        for i in group[1:]:
            members[head].add(i)
            members.pop(owner[i], None)
            owner[i] = head
    # link[a][b]: sum of pair scores between clusters a and b.
    link: dict[int, dict[int, float]] = {c: {} for c in members}
    for (i, j), s in scores.items():
        a, b = owner[i], owner[j]
        if a == b or s <= 0:
            continue
        link[a][b] = link[a].get(b, 0.0) + s
        link[b][a] = link[b].get(a, 0.0) + s
    version = {c: 0 for c in members}
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        if a > b:
            a, b = b, a
        avg = link[a][b] / (len(members[a]) * len(members[b]))
        if avg >= threshold:
            heapq.heappush(heap, (-avg, a, b, version[a], version[b]))

    for a in link:
        for b in link[a]:
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue  # stale: one side changed since this entry was pushed
        if can_merge and not can_merge(frozenset(members[a]), frozenset(members[b])):
            continue
        # Merge b into a (a is the lower index, so the older cluster keeps its slot).
        members[a] |= members.pop(b)
        for c, s in link.pop(b).items():
            del link[c][b]
            if c == a:
                continue
            link[a][c] = link[a].get(c, 0.0) + s
            link[c][a] = link[a][c]
        version[a] += 1
        del version[b]
        for c in link[a]:
            push(a, c)
    return sorted(sorted(m) for m in members.values())
