"""Which of a sentence's places are its event's: owners of places among triggers, the
places of speakers and subjects (not where it happened), clause groups, frames, water, sites
and their parts."""
from __future__ import annotations

from spacy.tokens import Token

from ..facts import PlaceMention, SentenceFacts, Trigger
from ..lexicon import load_lexicon


def owner(place: PlaceMention, triggers: list[Trigger]) -> Trigger | None:
    """The trigger a place belongs to: the first trigger above it in the parse, else the nearest."""
    if not triggers:
        return None
    by_index = {t.token.i: t for t in triggers}
    cur = place.root
    for _ in range(12):
        if cur.i in by_index:
            return by_index[cur.i]
        if cur.pos_ == "VERB" and cur is not place.root:
            # A verb that is no trigger owns its own clause ("negotiators worked in
            # Switzerland"), unless its subject or object is a trigger noun
            # ("drone incursions spread to Romania").
            for child in cur.children:
                if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                    # "ended the first of two days of talks ... in North Korea": the trigger down
                    # the object's chain of "of"s
                    hit = next((by_index[t.i] for t in _of_chain(child) if t.i in by_index), None)
                    if hit is not None:
                        return hit
            if cur.dep_ == "xcomp":
                # "talks are expected to resume next week in Geneva": the controlling verb's subject
                for child in cur.head.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and child.i in by_index:
                        return by_index[child.i]
            return None
        if cur.head == cur:
            break
        cur = cur.head
    return min(triggers, key=lambda t: abs(t.token.i - place.root.i))


def _of_chain(tok: Token, depth: int = 3) -> list[Token]:
    """tok and the nouns hanging from it by 'of' ('the first of two days of talks')."""
    out = [tok]
    for _ in range(depth):
        nxt = next((g for c in out[-1].children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), None)
        if nxt is None:
            break
        out.append(nxt)
    return out


def speaker_places(facts: SentenceFacts) -> set[int]:
    """Places inside the subject of a reporting verb ('Moldova reported', 'Kyiv's mayor said')."""
    out: set[int] = set()
    for a in facts.attributions:
        if a.speaker is None:
            continue
        for p in facts.places:
            if a.speaker.start <= p.root.i < a.speaker.end:
                out.add(p.root.i)
    return out


def subject_places(facts: SentenceFacts, trigger: Token) -> set[int]:
    """Places that are, or are inside, the acting subject ('Romania scrambled', 'Russia launched',
    'representatives of Kinshasa are due to resume talks in Doha')."""
    out = set()
    for p in facts.places:
        if p.root.dep_ in ("nsubj", "nsubjpass") and p.root.head.i == trigger.i and p.root.dep_ == "nsubj":
            out.add(p.root.i)
    verbs, cur = [], trigger
    for _ in range(4):  # the trigger, and the verbs it hangs from ("due to resume talks")
        verbs.append(cur)
        if cur.dep_ not in ("xcomp", "dobj", "ccomp", "acomp") or cur.head is cur:
            break
        cur = cur.head
    for verb in verbs:
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            inside = {t.i for t in subj.subtree}
            out |= {p.root.i for p in facts.places if p.root.i in inside and p.root.i != subj.i}
    return out


def event_places(facts: SentenceFacts, triggers: list[Trigger], mine: set[str],
                 *, exclude_speakers: bool = True) -> list[PlaceMention]:
    """Places that belong to this family's triggers, without modifiers and speakers."""
    skip = speaker_places(facts) if exclude_speakers else set()
    out = []
    for p in facts.places:
        if p.root.i in skip or (p.is_modifier and not _owns_site(p)):
            continue
        if p.root.dep_ == "pobj" and (p.root.head.dep_ == "agent" or p.root.head.lower_ == "by"):
            continue  # "launched by Russia", "a push by Russia": the actor, not where it happened
        if _noun_above(_conj_root(p.root)) is not None and _noun_above(_conj_root(p.root)).lemma_.lower() in MISSIONS:
            continue  # "marched to the embassies of Rwanda and France": whose embassy, not where
        if _origin(p) or (_prep_of(p) == "over" and _launched(p)):
            continue  # "fired from warships in the Black Sea": where it came from, not where it hit
        # a nationality adjective on a person/group is an actor, not a place
        if p.root.dep_ in ("amod", "compound") and p.root.head.lower_ in ACTOR_NOUNS:
            continue
        if p.root.dep_ in ("amod", "compound", "nmod") and (
                p.root.head.ent_type_ == "PERSON" or p.root.head.lower_ in PERSON_TITLES
                or p.root.head.lemma_.lower() in PERSON_TITLES | SPONSORED):
            continue  # "U.S. President Donald Trump", "US delegations", "a US proposal": whose, not where
        if p.root.ent_type_ == "NORP" and p.root.dep_ in ("amod", "compound"):
            continue  # "Israeli warplanes": a nationality, not a place
        t = owner(p, triggers)
        if t is not None and t.type in mine:
            out.append(p)
    # nested mentions ("Kharkiv" inside "Kharkiv region") keep the longest
    out.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PlaceMention] = []
    for p in out:
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


def clause_verb(tok: Token) -> Token:
    """The verb whose clause a trigger sits in ('attack' in 'an attack started a fire' -> started)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _coordinated(a: Token, b: Token) -> bool:
    """Two clause verbs told side by side: 'X struck A, and Y damaged B'; 'X ..., while in B Y ...'."""
    for x, y in ((a, b), (b, a)):
        if y.dep_ == "conj" and y.head.i == x.i:
            return True
        if y.dep_ == "advcl" and y.head.i == x.i and any(
                c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in y.children):
            return True
    return False


def clause_groups(places: list[PlaceMention], triggers: list[Trigger]) -> list[tuple[Trigger, list[PlaceMention]]]:
    """Places split by the coordinated clause whose trigger owns them; [] when one clause tells all."""
    if len(places) < 2 or len(triggers) < 2:
        return []
    by_verb: dict[int, tuple[Trigger, list[PlaceMention]]] = {}
    for p in places:
        t = owner(p, triggers)
        if t is None:
            return []
        verb = clause_verb(t.token)
        by_verb.setdefault(verb.i, (t, []))[1].append(p)
    if len(by_verb) < 2:
        return []
    verbs = [places[0].root.doc[i] for i in by_verb]
    if not all(any(_coordinated(v, w) for w in verbs if w is not v) for v in verbs):
        return []
    return [by_verb[v.i] for v in sorted(verbs, key=lambda v: v.i)]


SITES = load_lexicon().words["places.site_nouns"]


def _owns_site(place: PlaceMention) -> bool:
    """"Sanaa's international airport": the possessive names where the site is."""
    head = place.root.head
    return place.root.dep_ == "poss" and not place.is_country and (
        head.lemma_.lower() in SITES or any(c.lemma_.lower() in SITES for c in head.children if c.dep_ == "compound"))


def _origin(place: PlaceMention) -> bool:
    """'fired from warships in the Black Sea', 'drones from Belarus': a 'from' above it in its clause."""
    for tok in place.root.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.dep_ == "prep" and tok.lower_ == "from":
            return True
    return False


def _launched(place: PlaceMention) -> bool:
    """'launched by bombers over the Caspian Sea': the place of a launch."""
    return any(t.lemma_.lower() in ("launch", "fire") for t in place.root.ancestors)


MISSIONS = load_lexicon().words["places.mission_nouns"]


WATER = load_lexicon().words["places.water_nouns"]


def is_water(place: PlaceMention) -> bool:
    """'the Black Sea port of Odesa': the sea names where the port is; the port is the place."""
    return place.text.lower().rsplit(" ", 1)[-1] in WATER


def _conj_root(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _noun_above(tok: Token) -> Token | None:
    """The noun a place hangs from: 'a refinery in X' -> refinery."""
    cur = tok
    for _ in range(3):
        if cur.dep_ != "pobj":
            return None
        prep = cur.head
        if prep.head is prep or prep.head.pos_ not in ("NOUN", "PROPN"):
            return None
        cur = prep.head
        if cur.ent_type_ not in ("GPE", "LOC", "FAC"):
            return cur
    return None


def _prep_of(place: PlaceMention) -> str | None:
    root = _conj_root(place.root)
    # "over the Kyiv, Sumy and Chernihiv regions": the names modify the noun the preposition governs
    while root.dep_ in ("compound", "nmod") and root.head is not root:
        root = _conj_root(root.head)
    return root.head.lower_ if root.dep_ == "pobj" else None


SETTLEMENTS = load_lexicon().words["places.settlement_nouns"]


def _settlement_above(place: PlaceMention) -> bool:
    noun = _noun_above(_conj_root(place.root))
    return noun is not None and noun.lower_ in SETTLEMENTS


def frame_places_of(places: list[PlaceMention]) -> list[PlaceMention]:
    """'In southern Gaza, an air strike on a tent in Khan Younis': the opening place frames the others."""
    if not places:
        return []
    start = places[0].root.sent.start
    return [p for p in places if p.root.dep_ == "pobj" and p.root.head.lower_ == "in"
            and p.root.head.i - start <= 1 and p.root.head.head.i > p.root.i]


def _in_apposition(place: PlaceMention, others: list[PlaceMention]) -> bool:
    """'Muzaffarabad, the capital of Pakistani Kashmir': Kashmir describes Muzaffarabad."""
    roots = {o.root.i for o in others if o is not place and o.cue != "capital"}  # "the capital, Kinshasa" names it
    for anc in place.root.ancestors:
        if anc.dep_ == "appos" and anc.head.i in roots:
            return True
    return False


def _site_of_member(place: PlaceMention) -> bool:
    """'... and on a market in Paktika': the place of a listed target, not a frame around the list."""
    noun = _noun_above(_conj_root(place.root))
    return noun is not None and noun.dep_ == "pobj" and noun.head.dep_ == "conj" and noun.head.pos_ == "ADP"


def split_places(places: list[PlaceMention]) -> tuple[list[PlaceMention], list[PlaceMention]]:
    """(places that are each an event, places that only frame them).

    Places in one list ("Kharkiv, Dnipro and Cherkasy", "a refinery in A and a
    terminal in B") are one event each; otherwise a sentence tells one event, at
    its most telling place (a city over its region, not a neighbourhood, which is
    a sublocation).
    """
    if len(places) <= 1:
        return places, []
    described = [p for p in places if _in_apposition(p, places)]
    if described and len(described) < len(places):
        kept, framing = split_places([p for p in places if p not in described])
        return kept, framing + described
    # Two places are in one list when the chains above them (conjunctions, and the
    # nouns they hang from) meet; grouped transitively.
    links: list[set[int]] = []
    for p in places:
        root = p.root
        while root.dep_ == "compound" and root.head is not root:
            root = root.head  # "Kharkiv" in "the Kharkiv region"
        keys = {_conj_root(root).i}
        noun = _noun_above(_conj_root(root))
        if noun is not None:
            keys.add(_conj_root(noun).i)
        for tok in (_conj_root(root), noun):
            # "strikes on Kabul and on a market in Paktika": prepositions joined by "and"
            if tok is not None and tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "conj"):
                prep = tok.head
                if prep.dep_ == "conj" or any(c.dep_ == "conj" and c.pos_ == "ADP" for c in prep.children):
                    keys.add(_conj_root(prep).i)
        links.append(keys)
    group_of = list(range(len(places)))
    for i in range(len(places)):
        for j in range(i):
            if links[i] & links[j]:
                old, new = group_of[i], group_of[j]
                group_of = [new if g == old else g for g in group_of]
    groups: dict[int, list[PlaceMention]] = {}
    for p, g in zip(places, group_of):
        groups.setdefault(g, []).append(p)
    biggest = max(groups.values(), key=len)
    if len(biggest) >= 2:
        # "the villages of A and B in the C region": C frames the list, it is not a member
        members = [p for p in biggest if _prep_of(p) not in ("in", "inside") or _site_of_member(p)]
        if any(_prep_of(p) == "of" and _settlement_above(p) for p in members):  # "the village of A near B"
            members = [p for p in members if _prep_of(p) not in ("near", "around", "outside")]
        if len(members) == 1:
            return members, [p for p in places if p is not members[0]]  # "the town of A in the B province"
        if len(members) >= 2:
            biggest = members
        rest = [p for p in places if p not in biggest]
        return biggest, rest
    framing = {p.root.i for p in frame_places_of(places)}
    if not any(_prep_of(p) in ("in", "of", "near", "at", "outside") for p in places if p.root.i not in framing):
        framing = set()  # "In Madrid, people marched to the Puerta del Sol": the frame is the place
    ranked = sorted(places, key=lambda p: (p.cue == "district", p.is_country, is_water(p), p.root.i in framing,
                                           p.cue == "region", p.start))
    best = ranked[0]
    return [best], [p for p in places if p is not best]


OVERFLY = load_lexicon().words["airspace.overfly_verbs"]


def overflown(place: PlaceMention) -> bool:
    """'a missile that flew over northern Japan': the place flown over."""
    return (place.root.dep_ == "pobj" and place.root.head.lower_ in ("over", "across")
            and place.root.head.head.lemma_.lower() in OVERFLY)


PERSON_TITLES = load_lexicon().words["places.person_titles"]


SPONSORED = load_lexicon().words["places.sponsored_nouns"]
ACTOR_NOUNS = load_lexicon().words["places.actor_nouns"]
