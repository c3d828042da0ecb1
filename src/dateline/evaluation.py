"""`dateline eval`: extract every article of a gold folder and score it.

The scorer is ``shared/eval/score.py`` (found beside the repository, or given
with --scorer); it is loaded as a module so the figures are exactly its own.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SCORERS = [REPO.parent / "shared" / "eval" / "score.py", Path.cwd().parent / "shared" / "eval" / "score.py"]


def load_scorer(path: Path | None = None):
    candidates = [path] if path else DEFAULT_SCORERS
    for candidate in candidates:
        if candidate and candidate.is_file():
            spec = importlib.util.spec_from_file_location("dateline_shared_score", candidate)
            module = importlib.util.module_from_spec(spec)
            assert spec.loader is not None
            spec.loader.exec_module(module)
            return module
    raise ConfigError("scorer not found: pass --scorer PATH/TO/score.py (shared/eval/score.py)")


def extract_gold_dir(gold_dir: Path, out_dir: Path, extractor=None) -> list[str]:
    """Write NAME.json for every NAME.gold.json; returns the names."""
    from .extraction.pipeline import Extractor
    from .ingest.read import read_path

    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a folder")
    if extractor is None:
        extractor = Extractor.from_settings()  # a fallback to the sm model warns: scores differ
    names = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article_path = gold_dir / f"{name}.txt"
        if not article_path.is_file():
            article_path = gold_dir / str(gold.get("article") or "")
        article = read_path(article_path, published=gold.get("publication_date"))
        result = extractor.extract_article(article)
        (out_dir / f"{name}.json").write_text(json.dumps(result.to_dict(), ensure_ascii=False), encoding="utf-8")
        names.append(name)
    return names


def evaluate_dir(gold_dir: Path, *, scorer: Path | None = None, verbose: bool = False,
                 extractor=None) -> dict[str, Any]:
    module = load_scorer(scorer)
    with tempfile.TemporaryDirectory() as tmp:
        extract_gold_dir(Path(gold_dir), Path(tmp), extractor)
        if verbose:
            return module.score_dirs(Path(gold_dir), Path(tmp), True)
        return module.score_dirs(Path(gold_dir), Path(tmp), False)


if __name__ == "__main__":  # python -m dateline.evaluation GOLD_DIR
    print(json.dumps(evaluate_dir(Path(sys.argv[1]), verbose="-v" in sys.argv), indent=1))


# --- PLOVER's gold sentences (shared/peer/plover): an external check -----------------

def clear_plover_case(case: dict) -> bool:
    """The families the PLOVER README calls clear, without the labels it flags as suspect."""
    if any(str(f).startswith("suspect_label") for f in case.get("flags", [])):
        return False
    family = case.get("family")
    if family in ("violence", "protest", "movement"):
        return True
    if case.get("plover_type") == "CONSULT":
        return True
    return case.get("plover_type") == "AGREE" and case.get("agree_kind") == "mutual_agreement"


def plover_eval(cases_path: Path, *, extractor=None) -> dict[str, Any]:
    """Share of clear cases where an event of the mapped family is found; dead/injured accuracy."""
    from .extraction.pipeline import Extractor
    from .ingest.read import read_text
    from .models import FAMILIES

    cases = json.loads(Path(cases_path).read_text(encoding="utf-8"))
    if extractor is None:
        extractor = Extractor.from_settings()
    found = total = 0
    counts_ok = counts_total = 0
    per_family: dict[str, list[int]] = {}
    misses = []
    for case in cases:
        clear = clear_plover_case(case)
        has_counts = case.get("dead") is not None or case.get("injured") is not None
        if not clear and not has_counts:
            continue
        # one sentence, no headline: a blank first line keeps the sentence in the body
        text = "PLOVER case\n\n" + case["text"] + "\n"
        # PLOVER dates are fictional: no anchor, so nothing is dated (or judged old) against them
        events = extractor.extract_article(read_text(text)).events
        families = {FAMILIES.get(e.type) for e in events}
        if clear:
            hit = case["family"] in families
            total += 1
            found += hit
            per_family.setdefault(case["family"], [0, 0])
            per_family[case["family"]][0] += hit
            per_family[case["family"]][1] += 1
            if not hit:
                misses.append(f"{case['id']}: {case['text'][:100]}")
        if has_counts:
            violent = [e for e in events if FAMILIES.get(e.type) == "violence"]
            ok = False
            for e in violent:
                dead_ok = case.get("dead") is None or (e.fatalities is not None and case["dead"] in (e.fatalities.min, e.fatalities.max))
                hurt_ok = case.get("injured") is None or (e.injured is not None and case["injured"] in (e.injured.min, e.injured.max))
                ok = ok or (dead_ok and hurt_ok)
            counts_total += 1
            counts_ok += ok
            if not ok:
                misses.append(f"counts {case['id']}: dead={case.get('dead')} injured={case.get('injured')}: {case['text'][:90]}")
    return {
        "clear_cases": total,
        "found_share": round(found / total, 3) if total else None,
        "families": {k: round(v[0] / v[1], 3) for k, v in sorted(per_family.items())},
        "dead_injured_cases": counts_total,
        "dead_injured_accuracy": round(counts_ok / counts_total, 3) if counts_total else None,
        "misses": misses,
    }
