"""Fusion time for generated event mentions (default 10k and 100k), printed as JSON.

Mentions are generated as reports of synthetic events (1-5 reports each) spread
over a year per 10k mentions (or --fixed-days), 12 countries and 40 places per country, with reworded evidence
sentences. Similarity is the lexical TF-IDF model (state it when quoting the
figures); MiniLM adds its encoding time (~160-280 sentences/s/core) on top.

    .venv/bin/python benchmarks/bench_fuse.py [--sizes 10000 100000] [--fixed-days 365]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import time
from datetime import date, timedelta

from dateline.fuse.engine import Fuser
from dateline.fuse.evaluate import score_clustering
from dateline.fuse.features import build_features
from dateline.fuse.records import MentionRecord
from dateline.fuse.scoring import candidate_pairs
from dateline.fuse.similarity import LexicalModel
from dateline.models import Actor, EventMention, Evidence, Place, Quantity, TimeSpan

COUNTRIES = ["UA", "RU", "PS", "IL", "SD", "CD", "AF", "PK", "SY", "YE", "ML", "SO"]
VERBS = ["struck", "hit", "attacked", "shelled", "bombed"]
OBJECTS = ["an apartment block", "a power station", "a market", "a school", "a bridge", "a depot"]
TYPES = [("attack", "drone_strike"), ("attack", "shelling"), ("clash", "armed_clash"),
         ("diplomatic_meeting", "talks"), ("statement", "position")]


def generate(n: int, seed: int = 1, *, days: int = 365) -> tuple[list[MentionRecord], dict[str, str]]:
    rng = random.Random(seed)
    places = {c: [(f"{c}-town-{k}", rng.uniform(-40, 60), rng.uniform(-20, 80)) for k in range(40)]
              for c in COUNTRIES}
    records, truth = [], {}
    article = 0
    event = 0
    while len(records) < n:
        event += 1
        country = rng.choice(COUNTRIES)
        name, lat, lon = rng.choice(places[country])
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(days))
        type_, subtype = rng.choice(TYPES)
        verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
        toll = rng.randrange(1, 40)
        for report in range(rng.randint(1, 5)):
            article += 1
            words = [f"Forces {rng.choice(VERBS) if report else verb} {obj} in {name}",
                     f"killing {toll + report} people", f"event {event} report {report}"]
            rng.shuffle(words[:2])
            sentence = ", ".join(words) + "."
            place = Place(text=name, name=name, country=country, lat=lat, lon=lon, precision="city")
            mention = EventMention(
                id="e1", type=type_, subtype=subtype, evidence=Evidence(sentence, 0, len(sentence)),
                date=TimeSpan(day, day, "on Tuesday"), location=place, actors=(Actor("Forces", country),),
                fatalities=Quantity(toll + report, None, "at_least", f"at least {toll + report}"),
                claimed_by=rng.choice(["officials", "the health ministry", None]))
            record = MentionRecord(article_id=str(article), published=day + timedelta(days=report // 2),
                                   mention=mention)
            records.append(record)
            truth[record.key] = str(event)
            if len(records) >= n:
                break
    return records, truth


def run(n: int, days: int) -> dict:
    records, truth = generate(n, days=days)
    fuser = Fuser(LexicalModel())
    start = time.perf_counter()
    result = fuser.fuse(records)
    seconds = time.perf_counter() - start
    pairs = sum(1 for _ in candidate_pairs(build_features(records), fuser.params))
    scores = score_clustering(result.event_of(), truth)
    return {"mentions": n, "days": days, "seconds": round(seconds, 2), "mentions_per_s": round(n / seconds),
            "candidate_pairs": pairs, "events": len(result.events),
            "true_events": len(set(truth.values())),
            "pairwise_f1": round(scores.pairwise_f1, 4), "bcubed_f1": round(scores.bcubed_f1, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--days-per-10k", type=int, default=365,
                        help="Days the mentions span per 10k mentions (a bigger corpus covers "
                             "more time); --fixed-days overrides it.")
    parser.add_argument("--fixed-days", type=int, default=None,
                        help="Same span for every size: denser blocks, more pairs per mention.")
    args = parser.parse_args()
    runs = [run(n, args.fixed_days or max(1, args.days_per_10k * n // 10_000)) for n in args.sizes]
    growth = (runs[-1]["seconds"] / runs[0]["seconds"]) / (runs[-1]["mentions"] / runs[0]["mentions"]) \
        if len(runs) > 1 else None
    print(json.dumps({"benchmark": "fuse", "similarity": "lexical (TF-IDF; MiniLM not used here)",
                      "runs": runs,
                      "time_growth_over_size_growth": round(growth, 2) if growth else None,
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)},
                     indent=1))


if __name__ == "__main__":
    main()
