"""Finding 9 (issue 17): /add takes file uploads, pasted text up to the documented
5 MB, and a paragraph over spaCy's one-million-character limit is still read."""
from __future__ import annotations

import re

from dateline.ingest.read import MAX_PARAGRAPH_CHARS, read_text
from web_fixtures import PASSWORD


def _signed_in_token(client) -> str:  # noqa: ANN001
    def csrf(html: str) -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    r = client.post("/login", data={"name": "analyst", "password": PASSWORD,
                                    "csrf_token": csrf(client.get("/login").text)},
                    follow_redirects=False)
    assert r.status_code == 303
    return csrf(client.get("/add").text)


def test_a_file_upload_is_ingested(client):  # noqa: ANN001
    token = _signed_in_token(client)
    text = "Harbour hit\n\nShelling struck Odesa harbour on Tuesday, officials said.\n"
    r = client.post("/add", data={"csrf_token": token}, follow_redirects=False,
                    files={"file": ("../../etc/report.txt", text.encode(), "text/plain")})
    assert r.status_code == 303, r.text
    article = client.get(r.headers["location"])
    assert "Shelling struck Odesa harbour on Tuesday" in article.text


def test_pasted_text_over_one_megabyte_is_accepted(client):  # noqa: ANN001
    token = _signed_in_token(client)
    filler = "Grain talks went on without result in the capital. " * 40_000  # ~2 MB
    text = "Long report\n\nShelling struck Kharkiv on Monday, officials said. " + filler
    r = client.post("/add", data={"text": text, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    over = client.post("/add", data={"text": "x" * (6 * 1024 * 1024), "csrf_token": token})
    assert over.status_code == 413


def test_a_paragraph_over_a_million_characters_fits_spacy():
    import inspect

    from spacy.language import Language

    # spaCy refuses texts over max_length (E088); its default is what every model uses.
    spacy_limit = inspect.signature(Language.__init__).parameters["max_length"].default
    sentence = "Officials said the convoy reached the border crossing before noon. "
    text = "Headline\n\n" + sentence * 20_000 + "\n"  # one paragraph of 1.3 million
    assert len(text) > spacy_limit
    article = read_text(text)
    assert max(e - s for s, e in article.paragraphs) <= min(MAX_PARAGRAPH_CHARS, spacy_limit)
    joined = "".join(text[s:e] for s, e in article.paragraphs[1:])
    assert joined == text[article.paragraphs[1][0]:article.paragraphs[-1][1]]  # nothing lost
    assert all(text[s:e].startswith("Officials") for s, e in article.paragraphs[1:])
