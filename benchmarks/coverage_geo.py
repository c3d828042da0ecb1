"""Gazetteer coverage on the development articles: the share of place mentions the
extractor finds that the gazetteer resolves (prints JSON, lists the unresolved).

    .venv/bin/python benchmarks/coverage_geo.py
"""
from __future__ import annotations

import json
import warnings
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    warnings.simplefilter("ignore")
    from dateline.extraction.pipeline import Extractor, PlaceResolver
    from dateline.extraction.prepare import add_gazetteer_places
    from dateline.ingest.read import read_path

    extractor = Extractor.from_settings()
    total = resolved = 0
    missing: Counter[str] = Counter()
    for path in sorted((REPO / "tests" / "fixtures" / "dev").glob("*.txt")):
        article = read_path(path)
        text = article.text
        with extractor.nlp.select_pipes(disable=["dateline_events"]):
            docs = list(extractor.nlp.pipe(text[s:e] for s, e in article.paragraphs))
        all_facts = []
        for (start, _), doc in zip(article.paragraphs, docs):
            add_gazetteer_places(doc, extractor.geo)
            doc.user_data["dateline_offset"] = start
            all_facts.extend(extractor.events(doc)._.dateline_facts)
        resolver = PlaceResolver(extractor.geo, all_facts, article)
        for f in all_facts:
            for p in f.places:
                total += 1
                place = resolver.resolve(p)
                if place is not None and place.name:
                    resolved += 1
                else:
                    missing[p.text] += 1
    print(json.dumps({"place_mentions": total, "resolved": resolved,
                      "coverage": round(resolved / total, 3) if total else None,
                      "unresolved": dict(missing.most_common())}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
