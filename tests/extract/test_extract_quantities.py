"""Counts as the text words them (no model needed)."""
import pytest

from dateline.extraction.quantities import find_numbers, words_to_int


@pytest.mark.parametrize("text, expected", [
    ("22 missiles", (22, 22, "exact")),
    ("at least six deaths", (6, None, "at_least")),
    ("over 460 drones", (460, None, "more_than")),
    ("more than a dozen people", (12, None, "more_than")),
    ("nearly 600 troops", (None, 600, "at_most")),
    ("up to 30 people", (None, 30, "at_most")),
    ("roughly 36 shells", (36, 36, "about")),
    ("about 40 killed", (40, 40, "about")),
    ("dozens of people", (None, None, "vague")),
    ("hundreds of drones", (None, None, "vague")),
    ("1,200 soldiers", (1200, 1200, "exact")),
    ("twenty-two rockets", (22, 22, "exact")),
])
def test_quantity_wording(text, expected):
    numbers = find_numbers(text)
    assert numbers, text
    q = numbers[0].quantity
    assert (q.min, q.max, q.qualifier) == expected


@pytest.mark.parametrize("text", [
    "a 28-point plan", "the three-year conflict", "a 22-story block", "since 2023",
])
def test_numbers_that_are_not_counts(text):
    assert find_numbers(text) == []


def test_words_to_int():
    assert words_to_int("two hundred and five") == 205
    assert words_to_int("a dozen") == 12
    assert words_to_int("3 thousand") == 3000
