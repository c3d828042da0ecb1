"""`dateline eval`: extract every article of a gold folder and score it.

The scorer is ``shared/eval/score.py`` (found beside the repository, or given
with --scorer); it is loaded as a module so the figures are exactly its own.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import warnings
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
    from .extract.pipeline import Extractor
    from .ingest.read import read_path

    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a folder")
    if extractor is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            extractor = Extractor.from_settings()
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
