"""Fusion end to end: features -> blocking -> pair scores -> near-copy units ->
average-link clusters -> fused events with stable ids.

Incremental: pass the previous run's assignments (mention key -> event id) and
those events stay whole and keep their ids; new mentions join them or form new
events; when a new mention bridges two events the older id survives.
"""
from __future__ import annotations

import logging
from collections import OrderedDict, defaultdict
from typing import Any, Mapping, Sequence

from ..settings import Settings
from .assemble import build_event, link_parts
from .clustering import average_link
from .features import MentionFeatures, build_features
from .records import FusionResult, MentionRecord
from .scoring import FusionParams, candidate_pairs, pair_score, text_score
from .similarity import SentenceModel, load_sentence_model

log = logging.getLogger(__name__)

VECTOR_CACHE = 20_000  # sentence vectors kept across fusion runs (~1.5 kB each)
COPY_TEXT = 0.85  # scaled sentence similarity above which two near-copies tell one mention


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _may_share_event(a: MentionFeatures, b: MentionFeatures) -> bool:
    """One article tells one event once, except conflicting accounts by two sides;
    a whole (a nationwide barrage) and a part of one (a city's strike) never merge."""
    if (a.is_part and b.is_whole) or (a.is_whole and b.is_part):
        return False
    if a.record.article_id != b.record.article_id:
        return True
    return bool(a.claimant.side and b.claimant.side and a.claimant.side != b.claimant.side)


class Fuser:
    """Clusters mention records into fused events; reuse one Fuser across runs."""

    def __init__(self, model: SentenceModel, params: FusionParams | None = None) -> None:
        self.model = model
        self.params = params or FusionParams()
        # Ingest fuses batch after batch, each with the stored mentions a new one may
        # join: their sentence vectors are kept instead of encoded again every batch.
        # Only for context-free embeddings (TF-IDF weights depend on the whole set).
        self._vectors: OrderedDict[str, Any] = OrderedDict()

    @classmethod
    def from_settings(cls, settings: Settings, *, similarity: str | None = None) -> Fuser:
        kind = similarity or getattr(settings, "fuse_similarity", "auto")
        return cls(load_sentence_model(kind))

    def fuse(self, records: Sequence[MentionRecord], *,
             existing: Mapping[str, str] | None = None) -> FusionResult:
        """Fuse every record; ``existing`` maps mention keys to ids kept from before."""
        existing = dict(existing or {})
        records = sorted(records, key=MentionRecord.sort_key)  # index order = age
        feats = build_features(records)
        vectors = self._encode([r.mention.evidence.sentence for r in records])
        feats = [_with_vector(f, v) for f, v in zip(feats, vectors)]
        scores: dict[tuple[int, int], float] = {}
        units = _UnionFind(len(feats))
        for i, j in candidate_pairs(feats, self.params):
            a, b = feats[i], feats[j]
            if not _may_share_event(a, b):
                continue
            s = pair_score(a, b, self.model, self.params)
            if s <= 0:
                continue
            scores[(i, j)] = s
            if (a.record.near_dup_group and a.record.near_dup_group == b.record.near_dup_group
                    and a.type == b.type and text_score(a, b, self.model) >= COPY_TEXT
                    and existing.get(a.record.key) == existing.get(b.record.key)):
                units.union(i, j)
        clusters = self._cluster(feats, scores, units, existing)
        events = link_parts(tuple(build_event([records[i] for i in c], existing)
                                  for c in clusters))
        aliases = {old: ev.id for ev in events for old in ev.aliases}
        return FusionResult(events=events, aliases=aliases, similarity=self.model.name)

    def _encode(self, sentences: list[str]) -> list[Any]:
        if self.model.name != "minilm":
            return self.model.encode(sentences)
        missing = list(dict.fromkeys(t for t in sentences if t not in self._vectors))
        for text, vector in zip(missing, self.model.encode(missing) if missing else ()):
            self._vectors[text] = vector
        out = [self._vectors[t] for t in sentences]
        for text in sentences:
            self._vectors.move_to_end(text)
        while len(self._vectors) > VECTOR_CACHE:
            self._vectors.popitem(last=False)
        return out

    def _cluster(self, feats: list[MentionFeatures], scores: dict[tuple[int, int], float],
                 units: _UnionFind, existing: dict[str, str]) -> list[list[int]]:
        # Near-copies of one wire story form one unit, so reprints count once.
        unit_of = [units.find(i) for i in range(len(feats))]
        heads = sorted(set(unit_of))
        unit_index = {h: k for k, h in enumerate(heads)}
        unit_members: list[list[int]] = [[] for _ in heads]
        for i, h in enumerate(unit_of):
            unit_members[unit_index[h]].append(i)
        unit_scores: dict[tuple[int, int], float] = {}
        for (i, j), s in scores.items():
            u, v = unit_index[unit_of[i]], unit_index[unit_of[j]]
            if u != v:
                key = (u, v) if u < v else (v, u)
                unit_scores[key] = max(unit_scores.get(key, 0.0), s)
        initial: dict[str, set[int]] = defaultdict(set)
        for k, mem in enumerate(unit_members):
            for i in mem:
                old = existing.get(feats[i].record.key)
                if old:
                    initial[old].add(k)

        def can_merge(a: frozenset[int], b: frozenset[int]) -> bool:
            by_article: dict[str, list[MentionFeatures]] = defaultdict(list)
            for u in a:
                for i in unit_members[u]:
                    by_article[feats[i].record.article_id].append(feats[i])
            for u in b:
                for i in unit_members[u]:
                    f = feats[i]
                    if any(not _may_share_event(f, g) for g in by_article.get(f.record.article_id, ())):
                        return False
            return True

        unit_clusters = average_link(len(heads), unit_scores, threshold=self.params.threshold,
                                     initial=initial.values(), can_merge=can_merge)
        return [sorted(i for u in c for i in unit_members[u]) for c in unit_clusters]


def _with_vector(f: MentionFeatures, vector: object) -> MentionFeatures:
    from dataclasses import replace
    return replace(f, vector=vector)
