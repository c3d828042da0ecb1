"""Violence: attacks (strikes, shelling, raids), clashes and casualty reports.

One draft per place named as hit; a nationwide launch total is its own draft;
counts of weapons and of dead and injured attach to the draft of their sentence;
intercept sentences ("air defences downed 20 drones") carry only `intercepted`
and are folded into the barrage they belong to by ``assemble``.
"""
from __future__ import annotations

import re

from ..facts import SentenceFacts
from .base import Context, Draft, claimant, status_of, targets_in, trigger_actor, veto
from .common import (RATE, FamilyComponent, clause_groups, clause_verb, event_places, frame_places, is_reference,
                     is_water, names_earlier_year, overflown, speaker_places, split_places,
                     wished, _prep_of)
from .violence_senses import (GENERIC_ATTACK, crowd_control, figurative, missile_test, spoken_of,
                              told_before)
from .accounts import split_accounts
from .counts import INTERCEPT, attach_quantities, classify_number, singular_weapons, vague_casualties

SUBTYPE_WORDS = [
    (re.compile(r"\bshell(ed|ing|s)?\b|\bartillery\b|\bmortar", re.I), "shelling"),
    (re.compile(r"\bair ?strikes?\b|\bwarplanes?\b|\bair raids?\b|\bairstrikes?\b|\bjets?\b|\bbombers?\b|\bhelicopter", re.I), "air_strike"),
    (re.compile(r"\b(car|suicide|roadside|truck) bomb|\bexplosive device|\bIED\b|\bbombing\b", re.I), "bombing"),
    (re.compile(r"\bground (raid|assault|attack)|\bstormed\b|\bgunmen\b|\bambush", re.I), "ground_raid"),
]
MISSILE = re.compile(r"\bmissiles?\b|\bkinzhal|\biskander|\bkalibr|\brockets?\b", re.I)
DRONE = re.compile(r"\bdrones?\b|\bUAVs?\b|\bshahed", re.I)
GLIDE = re.compile(r"\bglide bombs?\b|\bguided (aerial )?bombs?\b", re.I)


def attack_subtype(text: str) -> str | None:
    missile, drone = bool(MISSILE.search(text)), bool(DRONE.search(text))
    if missile and drone:
        return "missile_drone_strike"
    if drone:
        return "drone_strike"
    if missile:
        return "missile_strike"
    if GLIDE.search(text):
        return "air_strike"
    for pattern, subtype in SUBTYPE_WORDS:
        if pattern.search(text):
            return subtype
    return None


ARMED = {"forces", "troops", "soldiers", "army", "militants", "rebels", "fighters", "militia", "militias",
         "insurgents", "guerrillas", "gunmen", "jihadists", "units", "brigade", "battalion", "military",
         "paramilitaries", "police", "security", "sides", "combatants", "separatists", "marines"}


# a gerund used as a noun ("fighting continued there") names the fight itself; only a verb
# ("they fought") needs an armed subject
NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj"}

LAUNCH = {"fire", "launch", "test", "test-fire"}
OVERFLIGHT = re.compile(r"\b(flew|flying|flown|overflew)\s+(over|across)\b|\boverflight\b", re.I)
INTO_SEA = re.compile(r"\binto\s+(the\s+)?([A-Z][a-z]+\s+)?(sea|waters|ocean|Pacific)\b", re.I)

CROWD = re.compile(r"\b(protesters?|demonstrators?|crowds?|marchers|rioters|rallies|rally-goers)\b", re.I)
POLICE = re.compile(r"\b(police|riot police|officers|policemen|security forces|riot squads?)\b", re.I)

def _protest_scuffle(triggers) -> bool:
    """'Demonstrators ... clashed briefly with police', '... as riot police fired tear gas at crowds':
    violence between police and protesters, which the protest event carries. Not 'Police opened
    fire on demonstrators, killing two' (the police's own act, the sentence's main event), nor a
    bomb among protesters."""
    strong = [t for t in triggers if not t.weak]
    if not strong:
        return False
    for t in strong:
        tok = t.token
        subj = _own_subject(tok)
        who = " ".join(w.text for w in subj.subtree) if subj is not None else ""
        if CROWD.search(who):
            continue   # protesters clashed with police, burned tyres
        if subj is not None and subj.dep_ == "nsubjpass" and (subj.ent_type_ == "PERSON" or subj.lemma_.lower() in PERSON_NOUNS):
            continue   # "a student was hit in the chest ... as riot police fired": the scuffle's victim
        if tok.lemma_.lower() in ("kill", "wound", "injure", "hurt", "die"):
            continue   # the scuffle's toll ("nine officers were hurt")
        if tok.dep_ in ("advcl", "conj") and POLICE.search(who) and tok.pos_ == "VERB":
            continue   # "... as police fired tear gas at the crowd"
        return False
    return True


def _own_subject(tok):
    """A verb's subject, or the subject of the verb it is conjoined to ('gathered ... and clashed')."""
    for verb in (tok, tok.head if tok.dep_ == "conj" else None):
        if verb is None:
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


PERSON_NOUNS = {"boy", "girl", "man", "woman", "child", "baby", "soldier", "civilian", "journalist", "doctor",
                "nurse", "teenager", "resident", "worker", "officer", "policeman", "student", "farmer", "driver",
                "person", "volunteer", "medic", "paramedic", "firefighter", "commander", "official", "mother", "father"}


def singular_victims(facts: SentenceFacts):
    """'killed a 7-year-old boy', 'a journalist was killed': one victim, as the text words it."""
    from ...models import Quantity

    dead = hurt = None
    for tok in facts.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in ("kill", "wound", "injure", "hurt"):
            continue
        victims = [c for c in tok.children if c.dep_ == "dobj"] if not any(
            c.dep_ == "auxpass" for c in tok.children) else [c for c in tok.children if c.dep_ == "nsubjpass"]
        for v in victims:
            det = next((c for c in v.children if c.dep_ == "det"), None)
            if v.lemma_.lower() in PERSON_NOUNS and det is not None and det.lower_ in ("a", "an", "one"):
                words = facts.sent.doc[v.left_edge.i: v.i + 1].text
                q = Quantity(1, 1, "exact", words)
                if lemma == "kill" and dead is None:
                    dead = q
                elif lemma != "kill" and hurt is None:
                    hurt = q
    return dead, hurt


def threatened(tok) -> bool:
    """'Russia would keep striking ...', 'we will hit them': a threat, the speaker's statement."""
    # the trigger's own verb: itself, or the verb it completes ("would keep striking", parsed as a
    # complement or as a modifier of the object), not any verb above ("the strike will be investigated")
    verbs = [tok]
    if tok.dep_ == "xcomp":
        verbs.append(tok.head)
    elif tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj":
        verbs.append(tok.head.head)
    for verb in verbs:
        aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if any(a in ("will", "would", "shall", "'ll") for a in aux) and "have" not in aux:
            return True
    return False


# words that point back at the speaker's own side ("the group said it had fired")
ANAPHORS = {"they", "it", "we", "group", "movement", "organisation", "organization"}


def speaker_actor(facts: SentenceFacts, ctx: Context):
    from ..actors import actor_from_span

    for a in facts.attributions:
        if a.speaker is not None:
            return actor_from_span(a.speaker, ctx.actors, ctx.lex)
    return None


def armed_subject(verb, ctx: Context) -> bool:
    """'Firefighters battled flames' is no clash: fighting needs armed parties (the subject decides
    when there is one; 'blazes in the Pechersk district' does not arm the firefighters)."""
    def armed(child) -> bool:
        return any(tok.lower_ in ARMED or tok.ent_type_ in ("NORP", "ORG", "GPE") or tok.text in ctx.lex.actors
                   for tok in child.subtree)

    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return any(armed(c) for c in subjects)
    return any(armed(c) for c in verb.children
               if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "against")))


# "The war that erupted in 2023 has killed tens of thousands": a running total
CUMULATIVE_RE = re.compile(r"\b(war|conflict|fighting|insurgency|violence|offensive|campaign)\b[^.;]{0,80}?"
                           r"\bha(s|ve)\s+(now\s+)?(killed|left|claimed|cost)"
                           r"|\bsince (the )?([\w-]+\s){1,3}(began|started|erupted|broke out|escalated|took effect)\b"
                           r"|\bha(s|ve)\s+(now\s+)?killed\b[^.;]{0,100}\bsince\b", re.I)

YEARS_LONG = re.compile(r"\bfor (nearly |almost |more than |over |about )?(two |three |four |several |many |\d+ )?"
                        r"(decades|years)\b"
                        r"|\bha(s|ve) (been )?(fought|fighting|battled|battling|clashed)\b[^.;]{0,40}"
                        r"\bfor (months|(nearly |almost |more than |over |about )?a (decade|year))\b", re.I)


def war_toll(facts) -> bool:
    """'The 14-month war that preceded the truce killed more than 4,000': a war as the killer is a
    running toll (not 'a drone strike on a war memorial killed five')."""
    return any(t.lemma_.lower() in ("war", "conflict", "insurgency") and t.dep_ == "nsubj"
               and t.head.lemma_.lower() in ("kill", "claim") for t in facts.sent)

# "The war began when Hamas-led fighters attacked southern Israel": how the war started, history
WAR_BEGAN = re.compile(r"(?<!since )\b(the|a|this) (war|conflict|insurgency|crisis) (began|started|erupted|broke out) "
                       r"(when|after|with)\b", re.I)

# "have killed 31 people since dawn on Tuesday": a day's toll, even beside "since October 2025"
DAILY_RE = re.compile(r"\bsince (dawn|daybreak|midnight|this morning|last night)\b|\b(in|over) the (past|last) 24 hours\b",
                      re.I)

AREA_NOUNS = {"cities", "towns", "villages", "regions", "territory", "territories", "areas", "infrastructure",
              "grid", "settlements", "communities", "provinces", "oblasts"}


def national_area(facts: SentenceFacts, ctx: Context) -> tuple[str, str] | None:
    """'Ukrainian cities', "Ukraine's power grid": a whole country's places -> (code, words)."""
    for tok in facts.sent:
        if tok.ent_type_ in ("NORP", "GPE") and tok.dep_ in ("amod", "compound", "poss") and tok.head.lower_ in AREA_NOUNS:
            code = ctx.country_code(tok.text) if ctx.country_code else None
            if code:
                return code, tok.text
    return None


ARMED_SOURCE = re.compile(r"\b(army|military|armed forces|defen[cs]e ministry|ministry of defen[cs]e|general staff|"
                          r"forces|militia|rebels|RSF|Taliban|Hezbollah|Hamas|Houthis?|M23|JNIM|al-Shabaab|"
                          r"spokesman for the (army|military))\b", re.I)


def own_forces(actor) -> bool:
    """'its troops', 'their fighters', 'it': the speaker's own side did it."""
    if actor is None or not actor.name:
        return False
    return actor.name.lower().split()[0] in ("its", "their", "our", "it", "they", "we")


def paragraph_source(facts: SentenceFacts, ctx: Context) -> str | None:
    """'Three people were killed in the Moscow region, governor X said. A drone struck a building in
    Vidnoye ...': the next sentence of the paragraph goes on with the same source."""
    from ..actors import actor_from_span

    before = [f for f in (facts.sent.doc._.dateline_facts or []) if f.index == facts.index - 1]
    if not before or facts.quotes:
        return None
    for a in before[0].attributions:
        if a.speaker is not None and a.verb is not None and a.verb.lemma_.lower() in ("say", "report", "tell") \
                and not before[0].quotes and any(t.type in ("attack", "clash", "casualties") for t in before[0].triggers):
            actor = actor_from_span(a.speaker, ctx.actors, ctx.lex)
            return actor.name if actor else None
    return None


def clause_drafts(facts: SentenceFacts, char: int, drafts: list[Draft]) -> list[Draft]:
    """The drafts whose clause holds the word at this character of the sentence (all when none does)."""
    tok = next((t for t in facts.sent if t.idx - facts.sent.start_char >= char), None)
    verbs = {clause_verb(d.trigger).i for d in drafts if d.trigger is not None}
    cur = tok
    for _ in range(12):
        if cur is None:
            break
        if cur.i in verbs:
            return [d for d in drafts if d.trigger is not None and clause_verb(d.trigger).i == cur.i]
        if cur.head is cur:
            break
        cur = cur.head
    return drafts


SETTLEMENT_REF = re.compile(r"\b(the|that) (town|city|village|port|settlement)\b(?! of)", re.I)


def antecedent_place(facts: SentenceFacts, ctx: Context):
    """The settlement 'the town' points back to: the first town-like place named in the sentences
    before in this paragraph, else in the paragraph before."""
    doc_facts = facts.sent.doc._.dateline_facts or []
    before = [f for f in doc_facts if f.index < facts.index]
    def towns(group):
        return [p for p in group if not p.is_country and not p.is_modifier and p.cue not in ("region", "district")
                and not is_water(p)]

    # the first named is the topic ("El Obeid, the capital of North Kordofan"; "Babanusa, a town in ...")
    here = towns([p for f in before for p in f.places]) or towns(ctx.recent_places or [])
    return here[0] if here else None


def enemy_toll(facts: SentenceFacts, claimed_by: str, ctx: Context) -> bool:
    """The sentence counts dead of one nationality on the word of a source of another."""
    from ..actors import country_of_text
    source = next((code for w in claimed_by.replace("’", "'").split()[:4]
                   for code in [country_of_text(w, ctx.lex)] if code), None)
    if source is None:
        return False
    for n in facts.numbers:
        if classify_number(facts, n, ctx.lex)[0] != "fatalities":
            continue
        for word in facts.text[n.end:n.end + 40].split()[:3]:
            code = country_of_text(word.strip(",.;"), ctx.lex)
            if code and code != source:
                return True
    return False


def barrage_and_parts(drafts: list[Draft], facts: SentenceFacts, base: dict, etype: str) -> list[Draft]:
    """'Russia launched 40 drones and five missiles at Ukraine overnight, hitting Kharkiv, Dnipro and
    Odesa': the launch total is the barrage's, at the country; the cities hit are its parts
    (linked by part_of later), not the first one's figures."""
    if etype != "attack" or len(drafts) < 2 or not any(d.weapons for d in drafts) \
            or any(d.place is None or d.place.is_country for d in drafts):
        return drafts
    country = next((p for p in facts.places if p.is_country and not p.is_modifier
                    and _prep_of(p) in ("at", "on", "against", "across", "into", "over")), None)
    if country is None:
        return drafts
    whole = Draft(type="attack", **base)
    whole.place, whole.actors = country, list(drafts[0].actors)
    for d in drafts:
        for field in ("weapons", "weapon_types", "intercepted"):
            for k, v in getattr(d, field).items():
                getattr(whole, field).setdefault(k, v)
            getattr(d, field).clear()
    return [whole] + drafts


class ViolenceComponent(FamilyComponent):
    family = "violence"
    types = {"attack", "clash", "casualties"}

    def match(self, facts: SentenceFacts, ctx: Context) -> list[Draft]:
        lex = ctx.lex
        triggers = [t for t in facts.triggers if t.type in self.types]
        if not triggers:
            return []
        if facts.has_phrase(lex.phrases.get("generic", [])) and (not facts.numbers or re.search(r"\bsince\b", facts.text)):
            return veto(facts, self.family, '"missiles still hit cities daily": habitual, not an event')
        if all(is_reference(t.token, facts) for t in triggers):
            return veto(facts, self.family, 'every violent word points back at an event told elsewhere')
        if ctx.violence_told and all(spoken_of(t.token, facts) for t in triggers) \
                and not any(classify_number(facts, n, lex)[0] != "other" for n in facts.numbers):
            # "The spokesman said Tuesday's attack was conducted during a ceremony", "the group claimed
            # responsibility for the attack": what a speaker says of the attack already told
            return veto(facts, self.family, "a speaker's words about the attack already told, with no figures of "
                                            "their own: a statement")
        if CROWD.search(facts.text) and POLICE.search(facts.text) and _protest_scuffle(triggers):
            return veto(facts, self.family, 'protesters clashing with police: part of the protest, which carries its dead and hurt')
        if YEARS_LONG.search(facts.text) or RATE.search(facts.text) or WAR_BEGAN.search(facts.text):
            return veto(facts, self.family, '"Al-Shabaab has fought for nearly two decades": a war\'s history, not an incident')
        strong = [t for t in triggers if not t.weak and not is_reference(t.token, facts) and not wished(t.token)
                  and not (t.type == "clash" and t.token.dep_ in ("compound", "amod"))   # "combat air patrol"
                  and not threatened(t.token) and not crowd_control(t.token) and not figurative(t.token)
                  # "35 of 40 drones launched by Russia": the participle describes the drones downed
                  and not (t.token.lemma_.lower() in ("launch", "fire") and t.token.dep_ == "acl"
                           and any(x.role == "intercept" for x in triggers))
                  # "shot down 35 drones": the weapons downed are the interception's object, no strike
                  and not (t.token.dep_ == "dobj" and any(x.role == "intercept" and x.token.i == t.token.head.i
                                                          for x in triggers))
                  and not (t.type == "clash" and t.token.pos_ == "VERB" and t.token.dep_ not in NOMINAL
                           and not armed_subject(t.token, ctx))]
        counts = [n for n in facts.numbers if classify_number(facts, n, lex)[0] != "other"]
        dead, hurt = vague_casualties(facts)
        intercept_only = not strong and any(t.role == "intercept" for t in triggers) and INTERCEPT.search(facts.text)
        if not strong and not intercept_only and not any(
                classify_number(facts, n, lex)[0] in ("fatalities", "injured") for n in counts):
            return veto(facts, self.family, 'no strike, fight or toll of its own, only weapons or casualty words '
                                            '("two drones entered its airspace", "casualties unknown")')
        cumulative = (facts.has_phrase(lex.phrases.get("cumulative", [])) or bool(CUMULATIVE_RE.search(facts.text))
                      or war_toll(facts)) and not DAILY_RE.search(facts.text)
        kinds = {t.type for t in strong}
        if strong:
            etype = "clash" if kinds == {"clash"} else ("attack" if "attack" in kinds else "clash")
            if etype == "attack" and "clash" in kinds and all(
                    t.token.lemma_.lower() in GENERIC_ATTACK for t in strong if t.type == "attack"):
                # "attacked a base, leading to an exchange of fire", "ambushed a convoy; the
                # soldiers fought back": two armed sides fought, whoever struck first
                etype = "clash"
                strong = [t for t in strong if t.type == "clash"] + [t for t in strong if t.type != "clash"]
        elif intercept_only:
            etype = "attack"
        else:
            etype = "casualties"
        casualty_counts = any(classify_number(facts, n, lex)[0] in ("fatalities", "injured") for n in counts)
        if cumulative and not casualty_counts:
            cumulative = False  # "since the war began" on a strike with no toll: not a running total
        if cumulative and etype != "clash":
            etype = "casualties"
        if etype == "casualties" and not cumulative and any(t.type == "protest" for t in facts.triggers) \
                and not names_earlier_year(facts.text, facts.anchor):
            return veto(facts, self.family, '"demonstrators blocked the highway, and two people were killed": the protest\'s dead')
        main = (strong or triggers)[0]
        all_mine = set(self.types)
        places = event_places(facts, triggers, all_mine)
        # "a missile that flew over northern Japan": passed over, not hit
        places = [p for p in places if not overflown(p)]
        if etype == "clash":
            # "clashes broke out between Armenia and Azerbaijan": the parties, not where they fought
            places = [p for p in places if _prep_of(p) != "between"]
        if intercept_only:
            # "shot down 35 of 40 drones, mostly over the Kyiv and Sumy regions": where they were
            # downed is not where anything was hit
            places = [p for p in places if _prep_of(p) != "over"]
        # the subject of a strike verb is its actor ("Russia launched ..."), not where it hit
        actors_at = {p.root.i for p in places if p.root.dep_ == "nsubj" and p.root.head.i in {t.token.i for t in triggers}}
        places = [p for p in places if p.root.i not in actors_at]
        if main.token.lemma_.lower() in LAUNCH and not [p for p in places if not p.is_modifier and not is_water(p)] \
                and (OVERFLIGHT.search(facts.text) or INTO_SEA.search(facts.text)) and not facts.nationwide:
            if INTO_SEA.search(facts.text) and not OVERFLIGHT.search(facts.text):
                # a missile fired into the sea is a test: a military_movement with no subtype, nothing hit
                ctx.test_told = True
                return [missile_test(facts, main, ctx)]
            return veto(facts, self.family, 'an overflight (told as an airspace violation)')
        if ctx.test_told and any(t.lemma_.lower() in LAUNCH | {"launch"} for t in facts.sent) and not facts.nationwide \
                and not [t for t in targets_in(facts, lex, None) if not any(
                    a.speaker is not None and t.name in a.speaker.text for a in facts.attributions)] \
                and not any(classify_number(facts, n, lex)[0] in ("fatalities", "injured") for n in facts.numbers):
            # "officials say the missile was fired just before 8 a.m.": more about the test told before
            return [missile_test(facts, main, ctx)]
        back = told_before(triggers, facts)
        if not places and facts.nationwide is None and not back:
            # "Kyiv reported at least six deaths": the reporting city is where it happened (not
            # when the deaths are those of "the clashes" told before: they are where those were)
            places = [p for p in facts.places if p.root.i in speaker_places(facts) and not p.is_country
                      and not p.is_modifier]
        if not places and facts.nationwide is None:
            places = frame_places(facts)
        if not places and facts.nationwide is None:
            # "fired a missile at Israel's main airport": the target's country
            places = [p for p in facts.places if p.is_modifier and p.root.head.i in {t.i for t in main.token.subtree}
                      and p.root.head.dep_ not in ("nsubj", "nsubjpass") and p.root.ent_type_ != "NORP"][:1]
        if not places and facts.nationwide is None and etype == "attack" and main.token.pos_ == "VERB" \
                and main in strong and any(c.dep_ == "dobj" for c in main.token.children):
            # "struck a car carrying volunteers who deliver water in Sloviansk": a place inside
            # the strike's own clause, when no place hangs from the strike itself
            inside = {t.i for t in clause_verb(main.token).subtree}
            skip = speaker_places(facts)
            candidates = [p for p in facts.places if p.root.i in inside and p.root.i not in skip
                          and not p.is_modifier and p.root.i not in actors_at]
            places = sorted(candidates, key=lambda p: p.is_country)[:1]
        if not places and facts.nationwide is None and SETTLEMENT_REF.search(facts.text):
            earlier = antecedent_place(facts, ctx)   # "repelled an assault on the town"
            places = [earlier] if earlier is not None else []
        nation = None if places or facts.nationwide else national_area(facts, ctx)
        claimed_by, kind = claimant(facts, main.token, ctx)
        if claimed_by is None:
            claimed_by = paragraph_source(facts, ctx)
        actor = trigger_actor(main.token, ctx)
        if actor is not None and actor.name.lower() in ANAPHORS and claimed_by:
            actor = speaker_actor(facts, ctx) or actor  # "the Houthis said they fired": the Houthis
        status = status_of(main.token)
        if kind == "claim" or any(t.token.lemma_.lower() == "claim" for t in strong):
            status = "claimed"
        if status == "reported" and claimed_by and actor and etype == "attack" and (
                claimed_by == actor.name or claimed_by.startswith(f"{actor.name}'")):
            status = "claimed"   # "Russia said it struck ..." is the actor's own claim
        if status == "reported" and claimed_by and kind != "according" and (
                own_forces(actor) or (etype == "clash" and ARMED_SOURCE.search(claimed_by))):
            # "the army said its troops repelled ...", "Pakistan's military said 23 of its soldiers
            # were killed in the fighting": one side's account of its own fight
            status = "claimed"
        if status == "reported" and claimed_by and kind != "according" and enemy_toll(facts, claimed_by, ctx):
            # "Armenia's spokesman said 2,300 Azerbaijani troops were killed": one side's count of
            # the other side's dead is a claim
            status = "claimed"
        date = None if cumulative else facts.best_time(main.token)
        subtype = main.subtype or (attack_subtype(facts.text) if etype == "attack" else None)
        if etype == "clash":
            subtype = "armed_clash"
        base = dict(facts=facts, trigger=main.token, subtype=subtype, status=status,
                    claimed_by=claimed_by, date=date, confidence=0.7 if strong else 0.55,
                    scope="cumulative" if cumulative else "incident")
        drafts: list[Draft] = []
        # "A drone struck A, and debris damaged B", "In A ..., while in B ...": one
        # event per coordinated clause, each with its own trigger and places
        clauses = clause_groups(places, strong + [t for t in triggers if t.role == "damage"]) or [(main, places)]
        groups, context = [], []
        for trigger, clause_places in clauses:
            kept, framing = split_places(clause_places)
            groups += [([p], trigger) for p in kept] or [([], trigger)]
            context += framing
        for group, trigger in groups:
            d = Draft(type=etype, **base)
            own_actor = actor
            if trigger is not main:
                d.trigger = trigger.token
                own_actor = trigger_actor(trigger.token, ctx) or actor
                if etype == "attack":
                    span = facts.sent.doc[trigger.token.left_edge.i: trigger.token.right_edge.i + 1].text
                    d.subtype = trigger.subtype or attack_subtype(span) or subtype
            d.place = group[0] if group else None
            d.actors = [own_actor] if own_actor else []
            d.nationwide = (facts.nationwide is not None or nation is not None) and not group
            if nation:
                d.nation, d.nation_text = nation
            if intercept_only:
                d.role = "intercept"
            d.sublocations = [p for p in context if p.cue == "district"]
            drafts.append(d)
        # Quantities go to the draft of their own clause, then the one whose place is nearest.
        for n in facts.numbers:
            mine = clause_drafts(facts, n.start, drafts) if len(clauses) > 1 else drafts
            target = min(mine, key=lambda d: abs((d.place.start - facts.start) - n.start) if d.place else 10**6)
            attach_quantities(target, facts, lex, [n])
        drafts = barrage_and_parts(drafts, facts, base, etype)
        drafts = split_accounts(drafts, facts, ctx)
        single_dead, single_hurt = singular_victims(facts)
        if len(drafts) == 1 and etype == "attack":
            singular_weapons(drafts[0], facts, lex)
        for d in drafts:
            d.refers_back = back and d.place is None
            if d.fatalities is None and single_dead is not None and len(drafts) == 1:
                d.fatalities = single_dead
            if d.injured is None and single_hurt is not None and len(drafts) == 1:
                d.injured = single_hurt
            hit_country = (d.place.country_hint if d.place else None)
            d.targets = [t for t in targets_in(facts, lex, hit_country)]
            d.civilian_targeting = True if any(t.category in ("civilian", "residential") for t in d.targets) else None
            if d.fatalities is None and dead and not d.weapons and etype != "casualties" and re.search(r"\bkill(ed|ing)\b", facts.text):
                from ...models import Quantity
                m = re.search(r"\bkill(?:ed|ing)\s+((?:\w+\s){0,2}?(?:civilians|people|residents|soldiers|troops))", facts.text)
                if m:
                    d.fatalities = Quantity(None, None, "vague", m.group(0))
        kept = [d for d in drafts if d.type != "casualties" or d.fatalities or d.injured]
        ctx.violence_told = ctx.violence_told or bool(kept)
        return kept
