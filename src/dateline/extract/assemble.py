"""Article level: drafts from every sentence -> one EventMention per real event.

Steps, in order (each a function below):
1. fold intercept-only sentences into the barrage they report on;
2. merge drafts that tell the same event (headline, lead, later paragraph),
   by each family's rule; the draft that says most becomes the evidence,
   the others its support; headline-only drafts are dropped;
3. attach "district" sentences (sublocations) to the strike before them;
4. link denials to the claims they deny (disputed_by);
5. default dates: incidents the text does not date happened on the anchor day;
6. part_of: regional strikes inside a nationwide barrage of the same day;
7. resolve places (gazetteer) and build the frozen EventMentions and Quotes.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..models import (Actor, Evidence, EventMention, Place, Quote, Span, Target, TimeSpan)
from .components.base import Context, Draft
from .facts import PlaceMention, SentenceFacts

CONCRETE = {"violence", "territory", "airspace", "movement"}
SAME_DAY = re.compile(r"\b(that|the same) (night|day|morning|evening|afternoon)\b", re.I)
NIGHT_WORDS = re.compile(r"overnight|pre-?dawn|early hours")
NIGHT_TOLD = re.compile(r"night|hours|dawn", re.I)
WEEKDAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


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


# --- place keys --------------------------------------------------------------------

def place_key(d: Draft, resolved: dict[int, Place | None]) -> tuple[str, str | None] | None:
    """(level, key): ('country', 'UA') or ('place', 'kyiv') or None when unplaced."""
    if d.nationwide:
        return ("country", getattr(d, "_nation", None))
    if d.place is None:
        return None
    place = resolved.get(id(d.place))
    if place is not None and place.precision == "country":
        return ("country", place.country)
    if place is not None and place.geonameid:
        return ("place", str(place.geonameid))
    return ("place", (place.name if place and place.name else d.place.text).lower())


def place_country(d: Draft, resolved: dict[int, Place | None]) -> str | None:
    if d.nationwide:
        return getattr(d, "_nation", None)
    if d.place is None:
        return None
    place = resolved.get(id(d.place))
    return place.country if place else d.place.country_hint


def _compatible(a: Draft, b: Draft, resolved) -> bool:
    """May a and b be the same event? Family rules on place, scope and sources."""
    if a.family != b.family or a.family in ("statement", "proposal", "other"):
        return False
    if a.scope != b.scope:
        return False
    if a.family == "protest" and (a.status == "planned") != (b.status == "planned"):
        return False  # the march held and the strike called for Monday
    if a.family == "diplomacy" and a.type != b.type:
        return False  # a visit, the call before it and the deal after it are three events
    if (a.type == "agreement" or a.family in ("movement", "territory", "airspace")) and not _same_days(a, b):
        return False  # the exchange on Friday and the deal signed on Sunday
    ka, kb = place_key(a, resolved), place_key(b, resolved)
    if a.family == "movement" and a.actors and b.actors and a.actors[0].country and b.actors[0].country \
            and a.actors[0].country != b.actors[0].country:
        return False  # China's aircraft around Taiwan and the patrols Taiwan sent out
    if a.family == "violence":
        if {a.type, b.type} == {"attack", "clash"} and not any(x.facts.is_heading or x.facts.is_lead for x in (a, b)):
            return False  # a strike and the fighting told in another paragraph are two events
        if _counted(a.fatalities) and _counted(b.fatalities) and (
                a.fatalities.min, a.fatalities.max) != (b.fatalities.min, b.fatalities.max):
            return False  # different tolls: different strikes, or two sides' accounts
        if a.actors and b.actors and a.actors[0].country and b.actors[0].country \
                and a.actors[0].country != b.actors[0].country:
            return False
        if a.date and b.date and a.date.start and b.date.start and a.date.text and b.date.text \
                and abs((a.date.start - b.date.start).days) > 1:
            return False
        if (a.weapons or a.fatalities) and (b.weapons or b.fatalities) and not a.facts.is_heading \
                and not b.facts.is_heading and not (a.facts.is_lead or b.facts.is_lead):
            if ka != kb:
                return False
        if ka is not None and kb is not None and ka[0] == "place" and kb[0] == "place" and ka != kb:
            return False
    if ka is None or kb is None:
        if a.family == "violence":
            return ka == kb or _thin(a) or _thin(b)
        # an unplaced mention joins another of its type, only from the headline or the lead
        return a.type == b.type and any(x.facts.is_heading or x.facts.is_lead
                                        for x in (a, b) if place_key(x, resolved) is None)
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
            return False
        # two country-wide mentions: one that says nothing of its own echoes the other
        return (_thin(a) or _thin(b)) and place_country(a, resolved) == place_country(b, resolved)
    return False


def _listed(d: Draft) -> bool:
    """One of several places a sentence names as hit ("mosques in A and B and C")."""
    return sum(1 for x in d.facts.drafts if x.family == d.family and x.place is not None) >= 2


def _counted(q) -> bool:
    return q is not None and (q.min is not None or q.max is not None)


def _thin(d: Draft) -> bool:
    """Says nothing of its own: no counts, no weapons (a lead or headline mention)."""
    return not (d.weapons or d.weapon_types or d.fatalities or d.injured or d.intercepted)


def merge_drafts(drafts: list[Draft], resolved: dict[int, Place | None]) -> list[Cluster]:
    clusters: list[Cluster] = []
    protest_sites = len({place_key(d, resolved) for d in drafts if d.family == "protest" and not d.facts.is_heading
                         and not _broad(d, resolved)})
    # Placed body sentences first, so headline, lead and unplaced drafts join the body
    # event they echo.
    ordered = sorted(drafts, key=lambda d: (d.facts.is_heading, _unplaced_thin(d), _inventory(d),
                                            _broad_thin(d, resolved), d.facts.is_lead, d.facts.index))
    for d in ordered:
        if _inventory(d):
            # "The missiles included 14 Kalibr ...": the breakdown of the barrage already told
            host = next((c for c in clusters if c.family == "violence" and c.primary.weapons
                         and (place_key(c.primary, resolved) or ("",))[0] == "country"), None)
            if host is not None:
                host.add(d)
                continue
        if _unplaced_thin(d) and not d.facts.is_heading:
            host = _host_for_unplaced(d, clusters)
            if host is not None:
                host.add(d)
                continue
        candidates = []
        for c in clusters:
            if d.role == "intercept" or _another(d):
                break  # "Another raid on a house in Nabatieh", "A separate strike": a new event
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
    if d.facts.text.lstrip().lower().startswith("separately"):
        return True
    return any(c.lower_ in ("another", "separate", "second", "third", "further") for c in d.trigger.children
               if c.dep_ in ("det", "amod"))


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


def _same_days(a: Draft, b: Draft) -> bool:
    """Both dated by their own words and a day apart or less, or either undated ("Late on Friday, ...")."""
    if not (a.date and b.date and a.date.start and b.date.start and a.date.text and b.date.text):
        return True
    return abs((a.date.start - b.date.start).days) <= 1


def _host_for_unplaced(d: Draft, clusters: list[Cluster]) -> Cluster | None:
    """A strike mentioned without a place belongs to the barrage of its day, else the nearest strike."""
    same = [c for c in clusters if c.family == "violence" and c.primary.scope == d.scope
            and (not d.actors or not c.primary.actors or d.actors[0].country == c.primary.actors[0].country)
            and _same_days(d, c.primary)]
    if not same:
        return None
    national = [c for c in same if c.primary.nationwide or (c.primary.weapons and c.primary.place is None)]
    if national:
        return national[0]
    return min(same, key=lambda c: abs(c.primary.facts.index - d.facts.index))


# Events dated more than about a year before the news are history, not news
BACKGROUND_DAYS = 365


def drop_background(drafts: list[Draft], anchor) -> list[Draft]:
    """Scene-setting is not coded: events the text dates to a year, or months before the news."""
    out = []
    for d in drafts:
        span = d.date
        toll = d.type == "casualties" or (d.type == "attack" and d.fatalities is not None and d.trigger is not None
                                          and d.trigger.lemma_.lower() in ("kill", "die") and not d.weapons)
        if toll and d.scope == "incident" and span is not None and anchor is not None \
                and (span.precision == "year" or (span.end is not None and (anchor - span.end).days > 45)):
            d.type, d.subtype, d.scope = "casualties", None, "cumulative"
            # "more than 5,900 people were killed in gang violence last year": a running toll
            out.append(d)
            continue
        if d.type != "statement" and d.scope == "incident" and anchor is not None and d.status != "planned":
            if span is not None and (span.precision == "year" or (span.end is not None and (anchor - span.end).days > BACKGROUND_DAYS)):
                continue  # "an attack on tourists last month", "earlier this year"
            if span is None and _older_year(d.facts.text, anchor):
                continue  # "Eritrea, which fought a 1998-2000 war", "the war began in 2023 when ..."
        out.append(d)
    return out


def _older_year(text: str, anchor) -> bool:
    return any(int(y) < anchor.year for y in re.findall(r"\b(19\d\d|20\d\d)\b", text)) or bool(
        re.search(r"(?<!since )\b(the war|the conflict|the fighting) (began|started|erupted)\b", text, re.I))


def fold_intercepts(drafts: list[Draft]) -> list[Draft]:
    """An intercept-only draft adds its counts to the nearest earlier barrage."""
    out: list[Draft] = []
    for d in drafts:
        if d.role == "intercept" and d.family == "violence":
            side = _side(d)
            host = next((x for x in reversed(out) if x.family == "violence" and (x.weapons or x.weapon_types)
                         and not (side and x.actors and x.actors[0].country == side)), None)
            if host is not None:
                for k, v in d.intercepted.items():
                    host.intercepted.setdefault(k, v)
                for k, v in d.weapons.items():
                    host.intercepted.setdefault(k, v)
                host.support.append(d.facts)
                continue
            if not (d.weapons or d.intercepted or LAUNCHED.search(d.facts.text)):
                continue  # "air defences downed a drone" with no barrage to join and no launch told
        out.append(d)
    return out


# "a ballistic missile fired from Yemen ... was intercepted": an attack that failed is still an attack
LAUNCHED = re.compile(r"\b(fired|launched)\b", re.I)


def _side(d: Draft) -> str | None:
    """The country of whoever reports an interception ("Russia's defence ministry said it downed ...")."""
    for a in d.facts.attributions:
        if a.speaker is not None:
            for tok in a.speaker:
                if tok.ent_type_ in ("GPE", "NORP"):
                    from ..geo.countries import country_code
                    code = country_code(tok.text)
                    if code:
                        return code
    return None


def attach_sublocations(clusters: list[Cluster], all_facts: list[SentenceFacts]) -> None:
    """'Fires broke out in the A and B neighbourhoods': districts of the strike before."""
    used = {x.facts.index for c in clusters for x in c.drafts}
    for facts in all_facts:
        districts = [p for p in facts.places if p.cue == "district"]
        if not districts or facts.index in used:
            continue
        before = [c for c in clusters if c.family == "violence" and c.primary.facts.index < facts.index
                  and facts.index - c.primary.facts.index <= 3]
        if not before:
            continue
        host = max(before, key=lambda c: c.primary.facts.index)
        host.primary.sublocations.extend(districts)
        host.primary.support.append(facts)


def link_denials(clusters: list[Cluster]) -> None:
    for c in clusters:
        d = c.primary
        if d.type != "statement" or d.stance != "denial":
            continue
        claims = [x for x in clusters if x.family in CONCRETE and x.primary.facts.index <= d.facts.index
                  and d.facts.index - x.primary.facts.index <= 4]
        if not claims:
            continue
        target = max(claims, key=lambda x: x.primary.facts.index)
        denier = d.actors[0].name if d.actors else d.claimed_by
        if denier and denier not in target.primary.disputed_by:
            target.primary.disputed_by.append(denier)
        if target.primary.status == "reported":
            target.primary.status = "claimed"
        if target.primary.subtype == "capture":
            target.primary.subtype = "capture_claim"


def news_day(all_facts: list[SentenceFacts], ctx: Context) -> TimeSpan | None:
    """The day the lead tells of ("... on Tuesday"): later undated incidents happened then too."""
    for f in all_facts:
        if not f.is_lead:
            continue
        for t in f.times:
            span = t.span
            if span.start is not None and span.precision == "day" and (ctx.anchor is None or span.start <= ctx.anchor):
                return TimeSpan(span.start, span.end, span.text, "day")
    if ctx.anchor:
        return TimeSpan(ctx.anchor, ctx.anchor, "", "day")
    return None


def _night_told_before(all_facts: list[SentenceFacts], index: int, anchor) -> TimeSpan | None:
    """The last night before publication an earlier sentence dated ("Monday night", "early hours of Tuesday")."""
    found = None
    for f in all_facts:
        if f.index >= index:
            break
        for t in f.times:
            if t.span.start is not None and t.span.start < anchor and NIGHT_TOLD.search(t.span.text):
                found = t.span
    return found


def nights_told_before(drafts: list[Draft], ctx: Context, all_facts: list[SentenceFacts]) -> None:
    """Published days later, "the same overnight wave" is the night told before, not the eve of
    publication (done before merging, so the mentions of one night meet)."""
    if ctx.anchor is None:
        return
    for d in drafts:
        if d.date is not None and d.date.start == ctx.anchor and NIGHT_WORDS.fullmatch(d.date.text.lower()):
            told = _night_told_before(all_facts, d.facts.index, ctx.anchor)
            if told is not None:
                d.date = TimeSpan(told.start, told.end, d.date.text, "day")


def default_dates(clusters: list[Cluster], ctx: Context, all_facts: list[SentenceFacts]) -> None:
    day = news_day(all_facts, ctx)
    for c in clusters:
        d = c.primary
        if d.status == "planned" and d.date and d.date.start and ctx.anchor and d.date.start < ctx.anchor \
                and d.date.precision == "day" and d.date.text.lower().lstrip("on ").split(" ")[0].capitalize() in WEEKDAY_NAMES:
            # "will meet on Friday": the coming Friday, not the last one
            from datetime import timedelta
            shift = timedelta(days=7)
            d.date = TimeSpan(d.date.start + shift, (d.date.end or d.date.start) + shift, d.date.text, "day")
        if d.date is not None and d.date.start is None and day and SAME_DAY.search(d.date.text):
            d.date = TimeSpan(day.start, day.end, d.date.text, "day")
        if d.date is None:
            d.date = next((x.date for x in c.drafts if x.date is not None), None)
        if d.date is None and day and (d.family in CONCRETE or d.family == "protest") and d.status in ("reported", "claimed") \
                and d.scope == "incident":
            d.date = TimeSpan(day.start, day.end, "", "day")


def link_part_of(clusters: list[Cluster], ids: dict[int, str], resolved) -> None:
    nationwide = [c for c in clusters if c.primary.type == "attack" and place_key(c.primary, resolved)
                  and place_key(c.primary, resolved)[0] == "country"
                  and (c.primary.weapons or c.primary.nationwide or c.primary.facts.is_lead)]
    for c in clusters:
        d = c.primary
        if d.type != "attack" or c in nationwide or d.place is None:
            continue
        for n in nationwide:
            nd = n.primary
            same_day = (d.date and nd.date and d.date.start == nd.date.start) or not d.date
            same_country = place_country(d, resolved) in (None, place_country(nd, resolved))
            same_actor = not d.actors or not nd.actors or d.actors[0].country == nd.actors[0].country
            if same_day and same_country and same_actor:
                d.part_of = ids[id(n)]
                break


def nation_of(d: Draft, clusters_country: Counter) -> str | None:
    """'nationwide': the country attacked, the article's most named one not the actor's."""
    actor_country = d.actors[0].country if d.actors else None
    for code, _ in clusters_country.most_common():
        if code and code != actor_country:
            return code
    return None


def span_of(text: str, facts: SentenceFacts) -> Span:
    return Span(text[facts.start:facts.end], facts.start, facts.end)


def build_mentions(clusters: list[Cluster], text: str, resolve_place, ids: dict[int, str],
                   resolved: dict[int, Place | None]) -> list[EventMention]:
    out = []
    for c in clusters:
        d = c.primary
        support, seen = [], {d.facts.index}
        for x in sorted(c.drafts + [Draft(type="", facts=f) for f in d.support], key=lambda x: x.facts.index):
            if x.facts.index in seen:
                continue
            seen.add(x.facts.index)
            support.append(span_of(text, x.facts))
        place = _merged_place(c, resolved, resolve_place)
        ev = span_of(text, d.facts)
        claimed = d.claimed_by or next((x.claimed_by for x in c.drafts if x.claimed_by), None)
        actors = d.actors or next((x.actors for x in c.drafts if x.actors), [])
        weapons = dict(d.weapons)
        weapon_types = dict(d.weapon_types)
        intercepted = dict(d.intercepted)
        fatalities, injured = d.fatalities, d.injured
        for x in c.drafts:
            for k, v in x.weapons.items():
                weapons.setdefault(k, v)
            for k, v in x.weapon_types.items():
                weapon_types.setdefault(k, v)
            for k, v in x.intercepted.items():
                intercepted.setdefault(k, v)
            if fatalities is None or (fatalities.qualifier == "vague" and x.fatalities and x.fatalities.qualifier != "vague"):
                fatalities = x.fatalities or fatalities
            injured = injured or x.injured
        targets = d.targets or next((x.targets for x in c.drafts if x.targets), [])
        civilian = True if any(t.category in ("civilian", "residential") for t in targets) or d.civilian_targeting else None
        confidence = min(0.95, d.confidence + 0.05 * (len(c.drafts) - 1))
        out.append(EventMention(
            id=ids[id(c)], type=d.type, subtype=d.subtype, status=d.status,
            disputed_by=tuple(d.disputed_by), date=d.date, location=place,
            actors=tuple(actors), targets=tuple(_target_country(t, place) for t in targets),
            civilian_targeting=civilian, weapons=weapons, weapon_types=weapon_types,
            intercepted=intercepted, fatalities=fatalities, injured=injured, scope=d.scope,
            part_of=d.part_of, claimed_by=claimed,
            evidence=Evidence(ev.sentence, ev.start, ev.end, tuple(support)),
            quote=d.quote, confidence=confidence))
    return out


def _target_country(t: Target, place: Place | None) -> Target:
    if t.country is None and place is not None and place.country:
        return Target(t.name, place.country, t.category)
    return t


def _merged_place(c: Cluster, resolved, resolve_place) -> Place | None:
    d = c.primary
    candidates = [d] + [x for x in c.drafts if x is not d]
    for x in candidates:
        if x.nationwide and getattr(x, "_nation", None):
            words = x.facts.text[x.facts.nationwide[0]:x.facts.nationwide[1]] if x.facts.nationwide \
                else getattr(x, "_nation_text", x._nation)
            p = resolve_place(None, country=x._nation, text=words)
            if p:
                return p
        if x.place is not None:
            p = resolved.get(id(x.place)) or Place(text=x.place.text, country=x.place.country_hint)
            subs = tuple(resolved.get(id(s)) or Place(text=s.text) for s in d.sublocations)
            return p.with_sublocations(subs) if subs else p
    return None


def build_quotes(text: str, all_facts: list[SentenceFacts], events: list[EventMention]) -> list[Quote]:
    by_sentence = {}
    for e in events:
        if e.type == "statement":
            by_sentence.setdefault(e.evidence.start, e)
            for s in e.evidence.support:
                by_sentence.setdefault(s.start, e)
    quotes = []
    for facts in all_facts:
        for s, e in facts.quotes:
            event = by_sentence.get(facts.start)
            speaker = event.actors[0].name if event and event.actors else None
            quotes.append(Quote(speaker=speaker, text=text[s:e], start=s, end=e,
                                event_id=event.id if event else None))
    return quotes


def statement_quote_follow(clusters: list[Cluster]) -> list[Cluster]:
    """'"...," X wrote.' right after X's statement is that statement's support."""
    out: list[Cluster] = []
    for c in clusters:
        d = c.primary
        prev = next((x for x in reversed(out) if x.primary.type == "statement"), None)
        opens_with_quote = d.facts.text.lstrip()[:1] in ("“", '"', "‘") or bool(
            d.facts.quotes and d.facts.quotes[0][0] == d.facts.start)
        # "He said ..." goes on; "He has repeatedly warned ..." takes a stance of its own
        goes_on = d.trigger is not None and d.trigger.lemma_.lower() in ("say", "add") and any(
            c.dep_ == "nsubj" and c.lower_ in ("he", "she", "it", "they") for c in d.trigger.children)
        if d.type == "statement" and prev is not None and (opens_with_quote or goes_on) and prev.primary.actors \
                and d.actors \
                and prev.primary.actors[0].name == d.actors[0].name \
                and 0 < d.facts.index - prev.primary.facts.index <= 1:
            prev.add(d)
            if prev.primary.quote is None and d.quote:
                prev.primary.quote = d.quote
            continue
        out.append(c)
    return out
