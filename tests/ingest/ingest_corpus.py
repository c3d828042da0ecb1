"""Fixture articles written for these tests (no outside text), generated on demand."""
from __future__ import annotations

import json
from pathlib import Path

CITIES = ("Kharkiv", "Odesa", "Zaporizhzhia", "Sumy")
VERBS = ("struck", "shelled")
FILLER = ("Residents sheltered in basements while emergency crews worked through the night",
          "Local officials asked people to stay away from damaged buildings",
          "Power was cut in several neighbourhoods and water pressure dropped",
          "Schools in the area moved lessons online for the rest of the week",
          "Volunteers handed out blankets and hot food at a nearby station")


def article_text(index: int) -> str:
    """A distinct short article; index picks city, verb, toll and filler order."""
    city = CITIES[index % len(CITIES)]
    verb = VERBS[index % len(VERBS)]
    dead = 2 + index % 7
    filler = " ".join(f"{FILLER[(index + k) % len(FILLER)]} (report {index}, note {k})."
                      for k in range(4))
    return (f"Overnight attack on {city}, report number {index}\n\n"
            f"Russian forces {verb} {city} overnight, officials said in update {index}. "
            f"At least {dead} people were killed in the strike on {city}, the governor said.\n\n"
            f"{filler}\n\n"
            f"\u201cWe will rebuild,\u201d a spokesman said after incident {index}.\n")


def write_text_corpus(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"article_{i:04d}.txt"
        path.write_text(article_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def html_page(index: int, *, published: str = "2025-11-20") -> str:
    body = "".join(f"<p>{para}</p>" for para in article_text(index).split("\n\n")[1:])
    return (f"<!DOCTYPE html><html><head><title>Overnight attack, report {index}</title>"
            f'<meta property="article:published_time" content="{published}T08:00:00Z">'
            f"</head><body><article><h1>Overnight attack, report {index}</h1>{body}"
            f"</article></body></html>")
