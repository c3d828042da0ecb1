"""Article level: drafts from every sentence -> one EventMention per real event.

Steps, in the order ``pipeline.Extractor`` runs them:
1. ``dating.drop_background`` and ``fold_intercepts``: history out, intercept-only
   sentences into the barrage they report on;
2. ``merge.merge_drafts``: drafts that tell the same event become one cluster;
3. ``attach_sublocations``: "district" sentences onto the strike before them;
4. ``link_denials``: denials onto the claims they deny (disputed_by);
5. ``dating.default_dates``: undated incidents take the day the lead tells of;
6. ``link_part_of``: regional strikes inside a nationwide barrage of the same day;
7. ``build_mentions`` and ``build_quotes``: the frozen EventMentions and Quotes.
"""
from __future__ import annotations

import re
from collections import Counter

from ..models import Evidence, EventMention, Place, Quote, Span, Target
from .components.base import Draft
from .facts import SentenceFacts
from .components.violence import GENERIC_ATTACK
from .merge import CONCRETE, EARLIER, Cluster, own_days, place_country, place_key, sides_account
from .actor_countries import _country_code
from .components.where import _prep_of
from .lexicon import load_lexicon

# a weapon type's class ("shahed" -> "drones"), for counts that name only the type
TYPE_CLASS = {typ: cls for _, cls, typ in load_lexicon().weapons if typ}


def fold_intercepts(drafts: list[Draft], resolved: dict | None = None) -> list[Draft]:
    """An intercept-only draft adds its counts to the nearest earlier barrage of its night, over
    its country: "a wave the night before" and missiles downed over the other side's region are
    other attacks."""
    out: list[Draft] = []
    resolved = resolved or {}
    for d in drafts:
        if d.role == "intercept" and d.family == "violence":
            side = _side(d)
            host = next((x for x in reversed(out) if x.family == "violence" and (x.weapons or x.weapon_types)
                         and not (side and x.actors and x.actors[0].country == side)
                         and _same_night(d, x) and _same_country(d, x, resolved)
                         and _weapon_nation(d) in (None, _weapon_nation(x))), None)
            if host is not None:
                for k, v in d.intercepted.items():
                    host.intercepted.setdefault(k, v)
                for k, v in d.weapons.items():
                    host.intercepted.setdefault(k, v)
                host.support.append(d.facts)
                continue
            if not (d.weapons or d.intercepted or LAUNCHED.search(d.facts.text)):
                continue  # "air defences downed a drone" with no barrage to join and no launch told
            # an attack of its own: what was downed was launched, and where it was downed is
            # the nearest the text comes to where it was aimed
            for k, v in d.intercepted.items():
                if k in TYPE_CLASS:   # "45 Shahed drones": the type, and its class
                    d.weapon_types.setdefault(k, v)
                d.weapons.setdefault(TYPE_CLASS.get(k, k), v)
            if d.place is None:
                d.place = next((p for p in d.facts.places if _prep_of(p) == "over" and not p.is_modifier), None)
        out.append(d)
    return out


def _weapon_nation(d: Draft) -> str | None:
    """Whose weapons the counts name ("four Ukrainian missiles" -> UA), if they say."""
    for q in list(d.intercepted.values()) + list(d.weapons.values()):
        for word in (q.text or "").split()[:3]:
            code = _country_code(word)
            if code:
                return code
    return None


def _same_night(a: Draft, b: Draft) -> bool:
    """Either undated by its own words, or both on the same day; "a wave the night before" is
    never the barrage the report is about."""
    if a.date and a.date.text and a.date.start and EARLIER.search(a.date.text):
        return bool(b.date and b.date.start == a.date.start)
    days = own_days(a, b)
    return days is None or days[0] == days[1]


def _same_country(a: Draft, b: Draft, resolved: dict) -> bool:
    ca, cb = place_country(a, resolved), place_country(b, resolved)
    return not (ca and cb) or ca == cb


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
                   resolved: dict[tuple[int, int], Place | None]) -> list[EventMention]:
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
        etype, subtype = d.type, d.subtype
        if etype == "attack" and d.trigger is not None and d.trigger.lemma_.lower() in GENERIC_ATTACK \
                and not d.weapons and any(x.type == "clash" and not (x.facts.is_heading or sides_account(x, d))
                                          for x in c.drafts):
            # "militants attacked a base, leading to an exchange of fire. 4 soldiers were killed":
            # the toll's sentence is the better evidence, the fight tells the type
            etype, subtype = "clash", "armed_clash"
        out.append(EventMention(
            id=ids[id(c)], type=etype, subtype=subtype, status=d.status,
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
    place = _first_place(c, resolved, resolve_place)
    if place is None or place.precision == "country":
        # the lead says "in southern Somalia", the next paragraph "in the town of X": the town
        finer = [resolved.get(x.place.key) for x in c.drafts if x.place is not None and not x.nationwide]
        finer = [p for p in finer if p is not None and p.precision in ("point", "district", "city", "region")
                 and (place is None or p.country == place.country)]
        if finer:
            return min(finer, key=lambda p: ("point", "district", "city", "region").index(p.precision))
    return place


def _first_place(c: Cluster, resolved, resolve_place) -> Place | None:
    d = c.primary
    candidates = [d] + [x for x in c.drafts if x is not d]
    for x in candidates:
        if x.nationwide and x.nation:
            words = x.facts.text[x.facts.nationwide[0]:x.facts.nationwide[1]] if x.facts.nationwide \
                else (x.nation_text or x.nation)
            p = resolve_place(None, country=x.nation, text=words)
            if p:
                return p
        if x.place is not None:
            p = resolved.get(x.place.key) or Place(text=x.place.text, country=x.place.country_hint)
            subs = tuple(resolved.get(s.key) or Place(text=s.text) for s in d.sublocations)
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
        # "Zelenskyy said the new branch ...", "We reiterate ...," Ban said: the same speaker,
        # the next sentence, saying more of what they just said
        goes_on = d.trigger is not None and d.trigger.lemma_.lower() in ("say", "add", "call")
        last = max(x.facts.index for x in prev.drafts) if prev is not None else -9
        if d.type == "statement" and prev is not None and (opens_with_quote or goes_on) and prev.primary.actors \
                and d.actors \
                and prev.primary.actors[0].name == d.actors[0].name \
                and 0 < d.facts.index - last <= 1:
            prev.add(d)
            if prev.primary.quote is None and d.quote:
                prev.primary.quote = d.quote
            continue
        out.append(c)
    return out


# "The following is attributable to Spokesperson Matthew Miller:", "As stated by Principal Deputy
# Spokesperson Vedant Patel": a readout's whole text is credited to its spokesperson
READOUT = re.compile(r"(?:attributable to|as stated by|readout by)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}?"
                     r"(?:Spokesperson|Spokesman|Spokeswoman)\s+((?:[A-Z][\w.'-]*\s?){2,4})", re.I)


def readout_source(text: str) -> str | None:
    m = READOUT.search(text[:3000])
    return m.group(1).strip(" .:,") if m else None


def credit_readout(clusters: list[Cluster], source: str | None) -> None:
    """Meetings and calls a readout tells, with no one else credited, are credited to it."""
    if not source:
        return
    for c in clusters:
        d = c.primary
        if d.family == "diplomacy" and not d.claimed_by and d.status != "planned":
            d.claimed_by = source
