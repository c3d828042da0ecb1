"""Writes date_phrases.jsonl: news sentences with the dates a reader gives them.

Written for dateline (issue 14). Every expected date below is worked out by hand
from the anchor (the publication day), never computed by dateline's resolver.
A case expects either an exact span (start, end) or, for coarse forms, a day the
span must contain and a precision; "start": null means "no date" (future words).

Run: .venv/bin/python tests/temporal/data/make_phrases.py
"""
from __future__ import annotations

import json
from pathlib import Path

TUE = "2025-05-20"  # a Tuesday
# (sentence, anchor, day_first, expectation)
PHRASES: list[tuple[str, str, bool | None, dict]] = [
    # weekdays and the night
    ("Drones struck the city on Monday.", TUE, None, {"start": "2025-05-19", "end": "2025-05-19"}),
    ("The strike on Sunday killed four.", TUE, None, {"start": "2025-05-18", "end": "2025-05-18"}),
    ("Officials said on Tuesday the talks would resume.", TUE, None, {"start": "2025-05-20", "end": "2025-05-20"}),
    ("The convoy was ambushed last Friday.", TUE, None, {"start": "2025-05-16", "end": "2025-05-16"}),
    ("Shelling resumed early Wednesday.", TUE, None, {"start": "2025-05-14", "end": "2025-05-14"}),
    ("Explosions were heard Monday night.", TUE, None, {"start": "2025-05-19", "end": "2025-05-20"}),
    ("Strikes continued from Friday night into Saturday.", TUE, None, {"start": "2025-05-16", "end": "2025-05-17"}),
    ("Drones attacked overnight.", TUE, None, {"start": "2025-05-20", "end": "2025-05-20"}),
    ("Rockets fell in the early hours of Sunday.", TUE, None, {"start": "2025-05-18", "end": "2025-05-18"}),
    ("Fighting flared Monday evening.", TUE, None, {"start": "2025-05-19", "end": "2025-05-19"}),
    ("Troops moved in late on Monday.", TUE, None, {"start": "2025-05-19", "end": "2025-05-19"}),
    ("A pre-dawn raid hit the camp.", TUE, None, {"start": "2025-05-20", "end": "2025-05-20"}),
    ("Sirens sounded this morning.", TUE, None, {"start": "2025-05-20", "end": "2025-05-20"}),
    ("The market was shelled today.", TUE, None, {"start": "2025-05-20", "end": "2025-05-20"}),
    ("Saturday's attack killed 12.", "2025-05-24", None, {"start": "2025-05-24", "end": "2025-05-24"}),
    # days counted back
    ("The bridge was blown up yesterday.", TUE, None, {"start": "2025-05-19", "end": "2025-05-19"}),
    ("Clashes broke out the day before yesterday.", TUE, None, {"start": "2025-05-18", "end": "2025-05-18"}),
    ("The town fell three days ago.", TUE, None, {"start": "2025-05-17", "end": "2025-05-17"}),
    ("The base was attacked 10 days ago.", TUE, None, {"start": "2025-05-10", "end": "2025-05-10"}),
    ("The envoy arrived two weeks ago.", TUE, None, {"contains": "2025-05-06", "precision": "week"}),
    ("A fortnight ago the road reopened.", TUE, None, {"contains": "2025-05-06", "precision": "week"}),
    ("The talks collapsed a month ago.", TUE, None, {"contains": "2025-04-20", "precision": "month"}),
    ("Protesters gathered last weekend.", TUE, None, {"start": "2025-05-17", "end": "2025-05-18"}),
    ("Militants attacked the base over the weekend.", TUE, None, {"start": "2025-05-17", "end": "2025-05-18"}),
    # dates written out
    ("On 21 February 2025, warplanes struck the market.", TUE, None, {"start": "2025-02-21", "end": "2025-02-21"}),
    ("The ceasefire was signed on March 3, 2025.", TUE, None, {"start": "2025-03-03", "end": "2025-03-03"}),
    ("Elections were held on Nov. 3.", TUE, None, {"start": "2024-11-03", "end": "2024-11-03"}),
    ("Delegates met on the 3rd of March.", TUE, None, {"start": "2025-03-03", "end": "2025-03-03"}),
    ("The raid on Feb. 21st, 2024 killed nine.", TUE, None, {"start": "2024-02-21", "end": "2024-02-21"}),
    ("Talks ran on March 3-4 in Doha.", TUE, None, {"start": "2025-03-03", "end": "2025-03-04"}),
    ("Fighting erupted on the night of May 3.", TUE, None, {"start": "2025-05-03", "end": "2025-05-03"}),
    ("The strike came on Jan. 5.", "2025-01-10", None, {"start": "2025-01-05", "end": "2025-01-05"}),
    ("Shelling was recorded on Dec. 30.", "2025-01-03", None, {"start": "2024-12-30", "end": "2024-12-30"}),
    # numeric and ISO
    ("The incident was logged on 13/05/2025.", TUE, None, {"start": "2025-05-13", "end": "2025-05-13"}),
    ("The incident was logged on 05/13/2025.", TUE, None, {"start": "2025-05-13", "end": "2025-05-13"}),
    ("The report is dated 05/06/2025.", TUE, True, {"start": "2025-06-05", "end": "2025-06-05"}),
    ("The report is dated 05/06/2025.", TUE, False, {"start": "2025-05-06", "end": "2025-05-06"}),
    ("The report is dated 05/06/2025.", TUE, None, {"start": "2025-05-06", "end": "2025-06-05", "precision": "month"}),
    ("Police recorded the blast on 21.02.2024.", TUE, True, {"start": "2024-02-21", "end": "2024-02-21"}),
    ("The ministry's log shows 2024/02/21.", TUE, None, {"start": "2024-02-21", "end": "2024-02-21"}),
    ("Timestamp: 2019-08-01T14:30:00.", TUE, None, {"start": "2019-08-01", "end": "2019-08-01"}),
    ("Posted 2019-08-01T14:30:00Z by the agency.", TUE, None, {"start": "2019-08-01", "end": "2019-08-01"}),
    ("The strike on 2025-05-19 hit a depot.", TUE, None, {"start": "2025-05-19", "end": "2025-05-19"}),
    # ages and offsets
    ("The 5-day-old ceasefire held.", TUE, None, {"start": "2025-05-15", "end": "2025-05-15"}),
    ("A five-day-old truce was broken.", TUE, None, {"start": "2025-05-15", "end": "2025-05-15"}),
    ("The three-week-old truce is fraying.", TUE, None, {"contains": "2025-04-29", "precision": "week"}),
    ("The strike, now in its fifth day, shut the port.", TUE, None, {"start": "2025-05-16", "end": "2025-05-16"}),
    ("The siege entered its third day.", TUE, None, {"start": "2025-05-18", "end": "2025-05-18"}),
    ("The order came a week before March 10.", TUE, None, {"start": "2025-03-03", "end": "2025-03-03"}),
    ("Troops massed a week before last Friday.", TUE, None, {"start": "2025-05-09", "end": "2025-05-09"}),
    ("The deal was signed two days after March 10.", TUE, None, {"start": "2025-03-12", "end": "2025-03-12"}),
    ("Fighting broke out the day before March 10.", TUE, None, {"start": "2025-03-09", "end": "2025-03-09"}),
    # weeks, months, years
    ("Shelling intensified last week.", TUE, None, {"start": "2025-05-12", "end": "2025-05-18"}),
    ("Strikes have hit the port this week.", TUE, None, {"contains": "2025-05-19", "precision": "week"}),
    ("The offensive began in mid-March.", TUE, None, {"contains": "2025-03-15", "precision": "month"}),
    ("Aid deliveries rose earlier this month.", TUE, None, {"contains": "2025-05-05", "precision": "month"}),
    ("The town was retaken last month.", TUE, None, {"contains": "2025-04-15", "precision": "month"}),
    ("The vote took place in November.", TUE, None, {"contains": "2024-11-15", "precision": "month"}),
    ("Talks stalled in December 2024.", TUE, None, {"contains": "2024-12-15", "precision": "month"}),
    ("The border was closed in 2023.", TUE, None, {"contains": "2023-06-01", "precision": "year"}),
    ("Attacks doubled last year.", TUE, None, {"contains": "2024-06-01", "precision": "year"}),
    # future
    ("A new round is expected in the coming days.", TUE, None, {"start": None}),
    ("Inspectors will visit over the coming days.", TUE, None, {"start": None}),
    ("The envoy travels next week.", TUE, None, {"start": None}),
    ("The ministers meet tomorrow.", TUE, None, {"start": "2025-05-21", "end": "2025-05-21"}),
    ("The envoys will meet next Tuesday.", TUE, None, {"start": "2025-05-27", "end": "2025-05-27"}),
    ("A vote is due this coming Friday.", TUE, None, {"start": "2025-05-23", "end": "2025-05-23"}),
    ("Talks resume two weeks from now.", TUE, None, {"start": "2025-06-03", "end": "2025-06-03"}),
    # vague spans and the last hours
    ("The village was shelled a couple of days ago.", TUE, None, {"start": "2025-05-18", "end": "2025-05-18"}),
    ("Gunmen raided the camp a few days ago.", TUE, None, {"contains": "2025-05-17", "precision": "week"}),
    ("Twelve people were killed in the past 24 hours.", TUE, None, {"start": "2025-05-19", "end": "2025-05-20"}),
]


def main() -> None:
    out = Path(__file__).with_name("date_phrases.jsonl")
    with open(out, "w", encoding="utf-8") as handle:
        for sentence, anchor, day_first, expect in PHRASES:
            handle.write(json.dumps({"sentence": sentence, "anchor": anchor, "day_first": day_first,
                                     "expect": expect}, ensure_ascii=False) + "\n")
    print(f"{len(PHRASES)} phrases -> {out}")


if __name__ == "__main__":
    main()
