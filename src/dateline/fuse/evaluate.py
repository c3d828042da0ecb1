"""The fusion gold set and its scores: pairwise and B-cubed F1 of the clustering.

Gold mentions are annotated by exact evidence sentence and cluster label, so
the same gold scores (1) fusion on records built from the annotations and
(2) fusion end to end on an extractor's mentions, paired to gold mentions by
evidence-sentence overlap (>= 60% of words both ways, as shared/eval/score.py).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import InputError
from ..models import FAMILIES, Actor, EventMention, Evidence, Place, Quantity, Target, TimeSpan
from .records import MentionRecord

MIN_OVERLAP = 0.6


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: date | None
    url: str | None
    title: str
    near_dup_group: str | None
    mentions: tuple[dict[str, Any], ...]


def load_gold(directory: Path) -> tuple[list[GoldArticle], dict[str, dict[str, Any]]]:
    """Articles and the places table of a gold set (``gold.json`` + article files)."""
    path = Path(directory) / "gold.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read fusion gold set {path}: {exc}") from exc
    articles = []
    for a in raw["articles"]:
        root = a.get("reprint_of") or a["id"]
        has_copies = a.get("reprint_of") or any(b.get("reprint_of") == a["id"] for b in raw["articles"])
        text = (Path(directory) / a["file"]).read_text(encoding="utf-8")
        articles.append(GoldArticle(
            id=a["id"], text=text, published=date.fromisoformat(a["published"]) if a.get("published") else None,
            url=a.get("url"), title=a.get("title") or "", near_dup_group=f"dup:{root}" if has_copies else None,
            mentions=tuple(a["mentions"])))
    return articles, raw.get("places", {})


def _quantity(value: dict[str, Any] | None) -> Quantity | None:
    if not value:
        return None
    return Quantity(value.get("min"), value.get("max"), value.get("qualifier", "exact"), value.get("text", ""))


def gold_records(articles: Sequence[GoldArticle], places: dict[str, dict[str, Any]]
                 ) -> tuple[list[MentionRecord], dict[str, str]]:
    """MentionRecords built from the annotations, and mention key -> gold cluster."""
    records, truth = [], {}
    for art in articles:
        for k, g in enumerate(art.mentions):
            start = art.text.index(g["sentence"])
            loc = None
            if g.get("location"):
                p = places.get(g["location"])
                loc = Place(text=g["location"], **p) if p else Place(text=g["location"], country=g.get("country"))
            day = date.fromisoformat(g["date"]) if g.get("date") else None
            actor = g.get("actor")
            mention = EventMention(
                id=f"g{k + 1}", type=g["type"], subtype=g.get("subtype"), status=g.get("status", "reported"),
                evidence=Evidence(g["sentence"], start, start + len(g["sentence"])),
                date=TimeSpan(day, day, g.get("date") or "") if day else None, location=loc,
                actors=(Actor(actor["name"], actor.get("country")),) if actor else (),
                targets=tuple(Target(t["name"], t.get("country"), t.get("category")) for t in g.get("targets", ())),
                fatalities=_quantity(g.get("fatalities")), injured=_quantity(g.get("injured")),
                claimed_by=g.get("claimed_by"), confidence=0.9)
            record = MentionRecord(article_id=art.id, published=art.published, mention=mention,
                                   near_dup_group=art.near_dup_group, url=art.url, title=art.title)
            records.append(record)
            truth[record.key] = g["cluster"]
    return records, truth


# --- pairing an extractor's mentions with gold mentions -------------------------

_STOP = set("the a an of in and or to on at for by from with its his her their s".split())


def _words(text: str) -> set[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    return {t for t in re.findall(r"[a-z0-9\u0400-\u04ff]+", text) if t not in _STOP}


def overlap(a: str, b: str) -> float:
    """The smaller of the two shares of shared words."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    shared = len(wa & wb)
    return min(shared / len(wa), shared / len(wb))


def match_to_gold(predicted: Sequence[MentionRecord], truth_records: Sequence[MentionRecord],
                  truth: dict[str, str]) -> dict[str, str]:
    """Predicted mention key -> gold cluster, greedily by best overlap, one to one."""
    by_article: dict[str, list[MentionRecord]] = {}
    for g in truth_records:
        by_article.setdefault(g.article_id, []).append(g)
    out: dict[str, str] = {}
    for art_id in {p.article_id for p in predicted}:
        options = []
        for p in (p for p in predicted if p.article_id == art_id):
            for g in by_article.get(art_id, ()):
                if FAMILIES.get(p.mention.type) != FAMILIES.get(g.mention.type):
                    continue
                sentences = [p.mention.evidence.sentence, *(s.sentence for s in p.mention.evidence.support)]
                score = max(overlap(s, g.mention.evidence.sentence) for s in sentences)
                if score >= MIN_OVERLAP:
                    options.append((score, p.key, g.key))
        used_p, used_g = set(), set()
        for score, pk, gk in sorted(options, reverse=True):
            if pk not in used_p and gk not in used_g:
                used_p.add(pk)
                used_g.add(gk)
                out[pk] = truth[gk]
    return out


# --- clustering scores ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ClusterScores:
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    mentions: int
    gold_clusters: int
    predicted_clusters: int

    def to_dict(self) -> dict[str, Any]:
        return {k: (round(v, 4) if isinstance(v, float) else v)
                for k, v in ((f, getattr(self, f)) for f in self.__slots__)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_clustering(predicted: dict[str, str], gold: dict[str, str]) -> ClusterScores:
    """Pairwise and B-cubed precision/recall/F1 over the mentions both label.

    Computed from the contingency table (predicted x gold cluster sizes), so it
    runs in linear time on a benchmark's 100k mentions.
    """
    keys = set(predicted) & set(gold)
    cell: Counter[tuple[str, str]] = Counter((predicted[k], gold[k]) for k in keys)
    pred_size: Counter[str] = Counter(predicted[k] for k in keys)
    gold_size: Counter[str] = Counter(gold[k] for k in keys)
    pairs = lambda n: n * (n - 1) // 2  # noqa: E731
    both = sum(pairs(n) for n in cell.values())
    pred_pairs, gold_pairs = sum(map(pairs, pred_size.values())), sum(map(pairs, gold_size.values()))
    pp = both / pred_pairs if pred_pairs else 1.0
    pr = both / gold_pairs if gold_pairs else 1.0
    # B-cubed: each mention's share of its cluster that is right, summed per cell.
    n = len(keys) or 1
    bp = sum(c * c / pred_size[p] for (p, _), c in cell.items()) / n
    br = sum(c * c / gold_size[g] for (_, g), c in cell.items()) / n
    return ClusterScores(pp, pr, _f1(pp, pr), bp, br, _f1(bp, br), len(keys),
                         len(gold_size), len(pred_size))


def evaluate_gold_mentions(directory: Path, fuse: Callable[[list[MentionRecord]], dict[str, str]]
                           ) -> ClusterScores:
    """Fusion alone: records from the annotations, clustered, scored."""
    articles, places = load_gold(directory)
    records, truth = gold_records(articles, places)
    return score_clustering(fuse(records), truth)


def evaluate_end_to_end(directory: Path, extract: Callable[[GoldArticle], Iterable[EventMention]],
                        fuse: Callable[[list[MentionRecord]], dict[str, str]]) -> tuple[ClusterScores, int]:
    """Extraction then fusion; returns the scores and how many gold mentions were matched."""
    articles, places = load_gold(directory)
    truth_records, truth = gold_records(articles, places)
    predicted = [MentionRecord(article_id=a.id, published=a.published, mention=m,
                               near_dup_group=a.near_dup_group, url=a.url, title=a.title)
                 for a in articles for m in extract(a)]
    matched = match_to_gold(predicted, truth_records, truth)
    return score_clustering(fuse(predicted), matched), len(matched)
