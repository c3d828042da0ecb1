from dateline.fuse.records import Interval
from dateline.fuse.reconcile import as_quantity, intersect, reconcile
from dateline.models import Actor, Quantity

from fuse_helpers import make_record


def test_conflicting_sides_are_flagged_not_averaged():
    af = make_record("a1", "2025-10-15", "Afghan forces killed 58 Pakistani soldiers.", type_="clash",
                     fatalities=Quantity(58, 58, "exact", "58 Pakistani soldiers"),
                     claimed_by="Afghanistan's Ministry of Defence", actors=(Actor("Afghan forces", "AF"),))
    pk = make_record("a2", "2025-10-15", "Pakistan said 23 of its troops were killed.", type_="clash",
                     fatalities=Quantity(23, 23, "exact", "23 of its troops"),
                     claimed_by="Pakistan's military", actors=(Actor("Pakistani forces", "PK"),))
    figures, revisions = reconcile([af, pk])
    (fat,) = figures
    assert fat.best is None and fat.conflict is not None and fat.conflict.between_sides
    assert {c.claimant.side: c.quantity.text for c in fat.latest} == \
        {"AF": "58 Pakistani soldiers", "PK": "23 of its troops"}
    assert fat.spread == Interval(23, 58)
    assert as_quantity(fat) is None  # no averaged figure is made up
    assert revisions == ()


def test_raised_toll_is_a_revision_with_date_and_source():
    first = make_record("a1", "2025-10-14", "killing at least six people",
                        fatalities=Quantity(6, None, "at_least", "at least six"), claimed_by="Oleh Syniehubov")
    later = make_record("a2", "2025-10-15", "has risen to seven", day="2025-10-14",
                        fatalities=Quantity(7, None, "at_least", "at least seven"),
                        claimed_by="the regional military administration of Ukraine")
    figures, revisions = reconcile([later, first])
    assert figures[0].best == Interval(7, None) and figures[0].conflict is None
    (rev,) = revisions
    assert (rev.before, rev.after) == (Interval(6, None), Interval(7, None))
    assert rev.article_id == "a2" and rev.as_of.isoformat() == "2025-10-15"
    assert rev.text == "at least seven"


def test_near_copies_count_once_and_intersect():
    a = make_record("a1", "2025-10-14", "s", fatalities=Quantity(6, None, "at_least", "at least six"),
                    near_dup_group="g")
    b = make_record("a2", "2025-10-14", "s", fatalities=Quantity(6, None, "at_least", "at least six"),
                    near_dup_group="g")
    figures, _ = reconcile([a, b])
    assert len(figures[0].latest) == 1
    assert intersect([Interval(6, None), Interval(None, 10)]) == Interval(6, 10)
    assert intersect([Interval(6, 6), Interval(7, None)]) is None
