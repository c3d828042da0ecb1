"""Which drafts tell the same event: one Cluster per real event in an article.

Each family has its own rule (``_compatible``): violence by place, toll, actor and
day; diplomacy by type and day; protests by site. Placed body sentences are
clustered first, so the headline, the lead and unplaced mentions join the body
event they echo; an unplaced strike joins the nearest compatible event in its
paragraph. The draft that says most becomes the evidence, the others support.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Place
from .families import FAMILIES
from .components.base import Draft
from .lexicon import load_lexicon

ANOTHER = load_lexicon().words["merge.another_modifiers"]


# families whose events happen somewhere at some time (not words or plans)
CONCRETE = {name for name, spec in FAMILIES.items() if spec.concrete}


# a date told as earlier than the report's other events ("the night before", "a day earlier")
EARLIER = re.compile(r"\b(before|previous|earlier|yesterday|ago)\b", re.I)
DAYTIME = re.compile(r"\b(morning|afternoon|evening)\b", re.I)


@dataclass
class Cluster:
    drafts: list[Draft] = field(default_factory=list)

    @property
    def primary(self) -> Draft:
        body = [d for d in self.drafts if not d.facts.is_heading] or self.drafts
        return max(body, key=lambda d: (d.info(), -d.facts.index))

    @property
    def family(self) -> str:
        return self.drafts[0].family

    def add(self, d: Draft) -> None:
        self.drafts.append(d)


def place_key(d: Draft, resolved: dict[tuple[int, int], Place | None]) -> tuple[str, str | None] | None:
    """(level, key): ('country', 'UA') or ('place', 'kyiv') or None when unplaced."""
    if d.nationwide:
        return ("country", d.nation)
    if d.place is None:
        return None
    place = resolved.get(d.place.key)
    if place is not None and place.precision == "country":
        return ("country", place.country)
    if place is not None and place.geonameid:
        return ("place", str(place.geonameid))
    return ("place", (place.name if place and place.name else d.place.text).lower())


def place_country(d: Draft, resolved: dict[tuple[int, int], Place | None]) -> str | None:
    if d.nationwide:
        return d.nation
    if d.place is None:
        return None
    place = resolved.get(d.place.key)
    return place.country if place else d.place.country_hint


def _compatible(a: Draft, b: Draft, resolved) -> bool:
    """May a and b be the same event? Family rules on place, scope and sources."""
    if a.family != b.family or not FAMILIES[a.family].merges:
        return False
    if a.scope != b.scope:
        return False
    if a.family == "protest" and (a.status == "planned") != (b.status == "planned"):
        return False  # the march held and the strike called for Monday
    if a.family == "diplomacy" and a.type != b.type:
        return False  # a visit, the call before it and the deal after it are three events
    if a.family == "diplomacy" and (a.status == "planned") != (b.status == "planned"):
        return False  # the talks held on Friday and the round to resume on Saturday
    if (a.type == "agreement" or FAMILIES[a.family].same_day_only) and not _same_days(a, b):
        return False  # the exchange on Friday and the deal signed on Sunday
    ka, kb = place_key(a, resolved), place_key(b, resolved)
    if a.family == "movement" and a.actors and b.actors and a.actors[0].country and b.actors[0].country \
            and a.actors[0].country != b.actors[0].country:
        return False  # China's aircraft around Taiwan and the patrols Taiwan sent out
    if a.family == "violence":
        if {a.type, b.type} == {"attack", "clash"} and not any(x.facts.is_heading for x in (a, b)) \
                and not any(_toll_only(x) for x in (a, b)) and not sides_account(a, b):
            return False  # a strike and the fighting told in another sentence are two events
        if _source_country(a) and _source_country(b) and _source_country(a) != _source_country(b) \
                and not any(x.facts.is_heading for x in (a, b)):
            return False  # each side's account is its own event ("Armenia's ministry said ..." / "Azerbaijan's said ...")
        if _counted(a.fatalities) and _counted(b.fatalities) and (
                a.fatalities.min, a.fatalities.max) != (b.fatalities.min, b.fatalities.max):
            return False  # different tolls: different strikes, or two sides' accounts
        if a.actors and b.actors and a.actors[0].country and b.actors[0].country \
                and a.actors[0].country != b.actors[0].country:
            return False
        if _told_apart(a, b, by_daytime=True):
            # "a wave the night before", "yesterday's strike", "Monday evening" beside "early Tuesday":
            # another day's attack (only a night may run into the next day)
            return False
        if (a.weapons or a.fatalities) and (b.weapons or b.fatalities) and not a.facts.is_heading \
                and not b.facts.is_heading and not (a.facts.is_lead or b.facts.is_lead):
            if ka != kb:
                return False
        if ka is not None and kb is not None and ka[0] == "place" and kb[0] == "place" and ka != kb:
            return False
    if a.family == "movement" and a.subtype is None and b.subtype is None and (ka is None or kb is None or ka == kb):
        # a missile test told again ("officials say the missile was fired just before 8 a.m."): one test
        return _same_days(a, b)
    if ka is None or kb is None:
        if a.family == "violence":
            # a mention with nothing of its own echoes the event it sits beside, or the one the
            # headline or lead tells; a later paragraph's mention is a story of its own
            echo = [x for x in (a, b) if _thin(x)]
            # the lead tells the event the next paragraphs detail ("attacked a base Friday in
            # southwestern Somalia, killing dozens" / "Friday's attack in the town of Elbe ...")
            near = a.facts.paragraph == b.facts.paragraph or any(x.facts.is_heading or x.facts.is_lead for x in echo) \
                or any(x.facts.is_lead and x.place is None and not x.weapons for x in (a, b))
            return (ka == kb or bool(echo)) and near
        # an unplaced mention joins another of its type, only from the headline or the lead, or
        # when both name the same day ("talks Friday in North Korea" / "met Friday with X")
        return a.type == b.type and (any(x.facts.is_heading or x.facts.is_lead
                                         for x in (a, b) if place_key(x, resolved) is None)
                                     or (a.family == "diplomacy" and a.status == b.status and _told_same_day(a, b)))
    if ka == kb:
        return True
    if a.family in ("diplomacy", "territory", "airspace"):
        ca, cb = place_country(a, resolved), place_country(b, resolved)
        if "country" in (ka[0], kb[0]) and ca and ca == cb:
            return a.family != "territory" or _thin(a) or _thin(b)
    if a.family == "violence" and "country" in (ka[0], kb[0]) and ka[0] != kb[0]:
        broad, narrow = (a, b) if ka[0] == "country" else (b, a)
        if _listed(narrow):
            return False  # "struck nine sites in Pakistan" is the whole; each site listed later is a part
    if a.family == "violence" and "country" in (ka[0], kb[0]):
        if ka[0] != kb[0]:
            broad, narrow = (a, b) if ka[0] == "country" else (b, a)
            # "attacked an army base Friday in southern Somalia, killing dozens" (the lead) and
            # "Friday's attack in the town of X started with ..." (no figures of its own): one attack;
            # a barrage's lead (weapons counted) keeps its cities as parts
            return broad.facts.is_lead and not broad.weapons and not broad.weapon_types and _thin(narrow) \
                and place_country(broad, resolved) == place_country(narrow, resolved)
        # two country-wide mentions: one that says nothing of its own echoes the other
        return (_thin(a) or _thin(b)) and place_country(a, resolved) == place_country(b, resolved)
    return False


def sides_account(a: Draft, b: Draft) -> bool:
    """'Clashes broke out between A and B, with each side blaming the other' (the lead, no figures)
    and 'A said B's forces attacked ...': one side's account of the clash the lead tells."""
    lead = next((x for x in (a, b) if x.type == "clash" and x.facts.is_lead and _thin(x)), None)
    other = b if lead is a else a
    return lead is not None and other.type == "attack" and bool(other.claimed_by)


def _other_toll(a: Draft, b: Draft) -> bool:
    """Two different counted tolls: two events, or two accounts of one (kept apart)."""
    return _counted(a.fatalities) and _counted(b.fatalities) and \
        (a.fatalities.min, a.fatalities.max) != (b.fatalities.min, b.fatalities.max)


def _another_source(d: Draft, c: Cluster) -> bool:
    """d's figures come from someone the event's own mentions never cite: an account of its own."""
    sources = {x.claimed_by for x in c.drafts if x.claimed_by}
    return bool(d.claimed_by and sources and d.claimed_by not in sources)


def _sides_differ(a: Draft, b: Draft) -> bool:
    return bool(_source_country(a) and _source_country(b) and _source_country(a) != _source_country(b))


def _toll_only(d: Draft) -> bool:
    """'4 soldiers and 7 militants were killed': a toll with no act of its own."""
    return d.type == "attack" and d.trigger is not None and d.trigger.lemma_.lower() in ("kill", "wound", "injure", "die") \
        and not d.weapons and d.place is None


def _source_country(d: Draft) -> str | None:
    """The country of whoever the text credits ("Azerbaijan's Defense Ministry" -> AZ)."""
    if not d.claimed_by:
        return None
    from .actor_countries import _country_code
    for word in d.claimed_by.replace("’", "'").split()[:3]:
        code = _country_code(word.removesuffix("'s"))
        if code:
            return code
    return None


def _listed(d: Draft) -> bool:
    """One of several places a sentence names as hit ("mosques in A and B and C")."""
    return sum(1 for x in d.facts.drafts if x.family == d.family and x.place is not None) >= 2


def _counted(q) -> bool:
    return q is not None and (q.min is not None or q.max is not None)


def _thin(d: Draft) -> bool:
    """Says nothing of its own: no counts, no weapons (a lead or headline mention)."""
    return not (d.weapons or d.weapon_types or d.fatalities or d.injured or d.intercepted)


def merge_drafts(drafts: list[Draft], resolved: dict[tuple[int, int], Place | None]) -> list[Cluster]:
    clusters: list[Cluster] = []
    protest_sites = len({place_key(d, resolved) for d in drafts if d.family == "protest" and not d.facts.is_heading
                         and not _broad(d, resolved)})
    # Placed body sentences first, so headline, lead and unplaced drafts join the body
    # event they echo.
    ordered = sorted(drafts, key=lambda d: (d.facts.is_heading, d.refers_back, _unplaced_thin(d), _inventory(d),
                                            _broad_thin(d, resolved), d.facts.is_lead, d.facts.index))
    for d in ordered:
        if _inventory(d):
            # "The missiles included 14 Kalibr ...": the breakdown of the barrage already told
            host = next((c for c in clusters if c.family == "violence" and c.primary.weapons
                         and (place_key(c.primary, resolved) or ("",))[0] == "country"
                         and not _told_apart(d, c.primary, by_daytime=False)), None)
            if host is not None:
                host.add(d)
                continue
        if _another(d) and not d.facts.is_heading:
            # "Another raid on a house in Nabatieh", "retaliatory strikes", "similar attacks in June":
            # the text itself says this is a further event, whatever it shares with the ones before
            clusters.append(Cluster([d]))
            continue
        if d.refers_back and not d.facts.is_heading:
            # "Two soldiers were wounded during the clashes": the event told just before
            earlier = [c for c in clusters if c.family == d.family
                       and min(x.facts.index for x in c.drafts) < d.facts.index
                       and not any(_other_toll(d, x) or _sides_differ(d, x) for x in c.drafts)
                       and not _another_source(d, c)]
            if earlier:
                max(earlier, key=lambda c: max(x.facts.index for x in c.drafts if x.facts.index < d.facts.index)).add(d)
                continue
        if _unplaced_thin(d) and not d.facts.is_heading:
            host = _host_for_unplaced(d, clusters)
            if host is not None:
                host.add(d)
                continue
        candidates = []
        for c in clusters:
            if d.role == "intercept":
                break  # an interception not folded into a barrage is an event of its own
            if d.family == "protest" and protest_sites >= 2 and any(
                    _broad(d, resolved) != _broad(other, resolved) for other in c.drafts):
                continue  # "rallies across Israel" is the whole; Tel Aviv and Haifa are its parts
            if all(_compatible(d, other, resolved) for other in c.drafts):
                if d.facts.index == c.drafts[0].facts.index and d.place is not None and c.drafts[0].place is not None:
                    continue  # two places in one sentence are two events
                candidates.append(c)
                if d.place is not None:
                    break
        home = candidates[0] if candidates else None
        if d.place is None and len(candidates) > 1 and not (d.facts.is_heading or d.facts.is_lead):
            # "More than 30 soldiers had been killed": the strike told just before, in its paragraph
            home = min(candidates, key=lambda c: _distance(d, c))
        if home is None:
            if d.facts.is_heading:
                continue
            clusters.append(Cluster([d]))
        else:
            home.add(d)
    clusters.sort(key=lambda c: min(x.facts.index for x in c.drafts))
    return clusters


def _distance(d: Draft, c: Cluster) -> tuple[bool, int]:
    """How far a cluster's nearest sentence is from d: same paragraph first, then sentences."""
    near = min(c.drafts, key=lambda x: abs(x.facts.index - d.facts.index))
    return near.facts.paragraph != d.facts.paragraph, abs(near.facts.index - d.facts.index)


def _another(d: Draft) -> bool:
    """The text says this is a further event: 'another raid', 'a separate strike', 'Separately, ...'."""
    if d.family not in ("violence", "territory", "airspace") or d.trigger is None:
        return False
    if d.role == "counter":
        return True   # "..., while the military reported continued rocket fire from X": the other side's
    if d.facts.text.lstrip().lower().startswith("separately"):
        return True
    # the trigger noun, or the noun a trigger verb carries out ("launched another attack")
    nouns = [d.trigger] + [c for c in d.trigger.children if d.trigger.pos_ == "VERB" and c.dep_ == "dobj"]
    return any(c.lower_ in ANOTHER
               for n in nouns for c in n.children if c.dep_ in ("det", "amod"))


def _broad(d: Draft, resolved) -> bool:
    """Unplaced or country-wide."""
    key = place_key(d, resolved)
    return key is None or key[0] == "country"


def _broad_thin(d: Draft, resolved) -> bool:
    """A country-wide mention with no figures ("advances continued in eastern Ukraine")."""
    key = place_key(d, resolved)
    return bool(key and key[0] == "country" and _thin(d))


def _inventory(d: Draft) -> bool:
    """Weapon types counted with no place and no victims: a barrage's breakdown."""
    partitive = any(" of the " in q.text for q in d.weapons.values())   # "400 of the drones were Shaheds"
    return (d.family == "violence" and d.place is None and not d.nationwide and bool(d.weapon_types or partitive)
            and not (d.fatalities or d.injured))


def _unplaced_thin(d: Draft) -> bool:
    return d.family == "violence" and d.place is None and not d.nationwide and _thin(d)


def own_days(a: Draft, b: Draft) -> tuple | None:
    """Both drafts' first days, when both are dated by their own words."""
    if a.date and b.date and a.date.start and b.date.start and a.date.text and b.date.text:
        return a.date.start, b.date.start
    return None


def _told_apart(a: Draft, b: Draft, *, by_daytime: bool) -> bool:
    """Told as different days: more than a day apart, or on different days with one told as
    earlier ("the night before") or, when asked, by a time of day ("Monday evening")."""
    days = own_days(a, b)
    if days is None:
        return False
    if abs((days[0] - days[1]).days) > 1:
        return True
    return days[0] != days[1] and any(EARLIER.search(x.date.text) or (by_daytime and DAYTIME.search(x.date.text))
                                      for x in (a, b))


def _told_same_day(a: Draft, b: Draft) -> bool:
    """Both dated by their own words, to the same day."""
    return own_days(a, b) is not None and a.date.start == b.date.start \
        and a.date.precision == b.date.precision == "day"


def _same_days(a: Draft, b: Draft) -> bool:
    """Both dated by their own words and a day apart or less, or either undated ("Late on Friday, ...")."""
    days = own_days(a, b)
    return days is None or abs((days[0] - days[1]).days) <= 1


def _may_echo(d: Draft, c: Cluster) -> bool:
    """May an unplaced mention with no figures of its own be a retelling of c? Not when the two
    are a strike and a fight, nor when two sides' sources each tell theirs."""
    if {d.type, c.primary.type} == {"attack", "clash"} and not d.facts.is_heading:
        return False
    mine = _source_country(d)
    return not mine or all(_source_country(x) in (None, mine) for x in c.drafts)


def _host_for_unplaced(d: Draft, clusters: list[Cluster]) -> Cluster | None:
    """A strike mentioned without a place belongs to the barrage of its day, else the nearest strike."""
    same = [c for c in clusters if c.family == "violence" and c.primary.scope == d.scope
            and (not d.actors or not c.primary.actors or d.actors[0].country == c.primary.actors[0].country)
            and _same_days(d, c.primary) and _may_echo(d, c)]
    if not same:
        return None
    national = [c for c in same if c.primary.nationwide or (c.primary.weapons and c.primary.place is None)]
    if national:
        return national[0]
    return min(same, key=lambda c: abs(c.primary.facts.index - d.facts.index))
