from dateline.fuse.claimants import UNATTRIBUTED, normalise_claimant
from dateline.models import Actor


def test_one_ministry_named_three_ways_is_one_claimant():
    keys = {normalise_claimant(n).key for n in (
        "Russia's Defence Ministry", "the Russian Ministry of Defence", "Moscow's defence ministry")}
    assert keys == {"RU:ministry_of_defence"}
    assert normalise_claimant("Moscow's defence ministry").side == "RU"


def test_sides_institutions_and_people():
    assert normalise_claimant("Pakistan's military").key == "PK:military"
    assert normalise_claimant("ISPR").key == "PK:military"
    assert normalise_claimant("the Hamas-run health ministry").key == "PS:ministry_of_health"
    assert normalise_claimant("Gaza's health ministry").key == "PS:ministry_of_health"
    # A known person beats the title they hold.
    assert normalise_claimant("Kharkiv regional governor Oleh Syniehubov").key == \
        normalise_claimant("Oleh Syniehubov").key == "UA:syniehubov"
    # An armed group speaks for itself, not for its country.
    assert normalise_claimant("Sudan's Rapid Support Forces").side == "RSF"
    assert normalise_claimant("Ukraine's General Staff").key == "UA:general_staff"


def test_side_from_actor_and_unattributed():
    c = normalise_claimant("Ihor Petrenko", actors=(Actor("Ihor Petrenko", "UA"),))
    assert c.side == "UA" and c.key == "UA:petrenko"
    assert normalise_claimant(None) is UNATTRIBUTED
    assert normalise_claimant("   ") is UNATTRIBUTED
