"""No rule, pattern or lexicon entry exists only for the seed article."""
from __future__ import annotations

import re
from importlib import resources

# Names, figures and phrases of the seed article (read from the seed itself where possible).
SEED_NAMES = ["zelensk", "umerov", "rubio", "driscoll", "macron", "trump", "harshit"]
SEED_PHRASES = ["28-point", "600,000", "460", "highly productive", "decisive success",
                "common understanding", "capitulation", "calmly and quickly", "pechersk", "dniprovskyi"]


def _pattern_text() -> str:
    folder = resources.files("dateline.extraction").joinpath("patterns")
    return "\n".join(p.read_text(encoding="utf-8").lower() for p in folder.iterdir() if p.name.endswith(".jsonl"))


def test_patterns_hold_no_seed_names_or_phrases():
    text = _pattern_text()
    for needle in SEED_NAMES + SEED_PHRASES:
        assert needle not in text, needle


def test_patterns_hold_no_seed_numbers(shared_dir):
    seed = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    numbers = {n for n in re.findall(r"\d[\d,]*", seed) if len(n) >= 2}
    text = _pattern_text()
    for n in numbers:
        assert not re.search(rf"(?<![\w.-]){re.escape(n)}(?![\w])", text), n
