"""Reading articles: headline, byline, dateline, furniture, encodings (no model needed)."""
from datetime import date

import pytest

from dateline.errors import InputError
from dateline.ingest.read import read_bytes, read_text

ARTICLE = """Drones Hit Port City as Talks Stall

Port City Braces for More Strikes

By Jane Example
ODESA, MARCH 4, 2025 —

Drones struck the port overnight, officials said.

Leave a Comment

Your email address will not be published. Required fields are marked *
"""


def test_plain_text_metadata_and_furniture():
    a = read_text(ARTICLE)
    assert a.title == "Drones Hit Port City as Talks Stall"
    assert a.byline == "Jane Example"
    assert a.dateline.place == "Odesa" and a.dateline.date == date(2025, 3, 4)
    assert a.anchor_date == date(2025, 3, 4)
    body = [a.text[s:e] for s, e in a.paragraphs]
    assert "Drones struck the port overnight, officials said." in body
    assert not any("Leave a Comment" in p or "email address" in p for p in body)
    # offsets index the text as given
    for s, e in a.paragraphs:
        assert a.text[s:e].strip() == a.text[s:e]


def test_published_beats_dateline():
    assert read_text(ARTICLE, published="2025-03-05").anchor_date == date(2025, 3, 5)


def test_wire_dateline_with_agency():
    a = read_text("Title line\n\nBEIRUT (AFP) - Warplanes struck the south on Monday.\n")
    assert a.dateline.place == "Beirut"
    assert a.text[a.paragraphs[1][0]:].startswith("Warplanes")


@pytest.mark.parametrize("line, place, when", [
    ("Bogotá, May 19 (EFE).- Soldiers were killed early Monday.", "Bogotá", date(2026, 5, 19)),
    ("Addis Ababa (AFP) - Troops and militiamen fought on Tuesday.", "Addis Ababa", None),
    ("Muscat, Aug. 14 — The two sides began exchanging prisoners.", "Muscat", date(2026, 8, 14)),
    ("Brussels, 12 June 2026 — The leaders agreed on Thursday.", "Brussels", date(2026, 6, 12)),
])
def test_title_case_datelines(line, place, when):
    a = read_text(f"Title line\n\n{line}\n", published="2026-11-20")
    assert a.dateline is not None and a.dateline.place == place and a.dateline.date == when


@pytest.mark.parametrize("line", [
    "The Kremlin (in a statement) - said nothing.",
    "Rapid Support Forces (RSF) — the paramilitary group said it took the town.",
    "Hezbollah (Lebanon) — the group denied it.",
])
def test_a_sentence_is_no_title_case_dateline(line):
    a = read_text(f"Title line\n\n{line}\n")
    assert a.dateline is None


def test_windows_1252_is_decoded():
    data = "Title\n\nThe minister\u2019s visit to Zürich was cancelled.\n".encode("cp1252")
    a = read_bytes(data, name="x.txt")
    assert "Zürich" in a.text and "\u2019" in a.text


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02binary\x00" * 50])
def test_bad_bytes_are_refused(data):
    with pytest.raises(InputError):
        read_bytes(data, name="bad")


def test_html_via_trafilatura():
    html = ("<html><head><title>Strike on depot</title></head><body><article><h1>Strike on depot</h1>"
            "<p>By Staff Writer</p><p>" + "Missiles hit a fuel depot near the city on Monday, the governor said. " * 3 +
            "</p></article><div id='comments'>Leave a Comment</div></body></html>")
    a = read_bytes(html.encode(), name="page.html", content_type="text/html")
    assert "fuel depot" in a.text and a.title.startswith("Strike on depot")


def test_html_without_article_is_refused():
    with pytest.raises(InputError):
        read_bytes(b"<html><body><nav>Home</nav></body></html>", name="empty.html", content_type="text/html")
