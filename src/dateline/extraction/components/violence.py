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
from .common import RATE, FamilyComponent, frame_places, is_reference, names_earlier_year, wished
from .where import clause_groups, clause_verb, event_places, is_water, overflown, speaker_places, split_places, _prep_of
from .violence_senses import (GENERIC_ATTACK, crowd_control, figurative, missile_test, spoken_of,
                              told_before)
from .accounts import split_accounts
from .violence_args import (ANAPHORS, ARMED_SOURCE, SETTLEMENT_REF, antecedent_place, barrage_and_parts,
                            meanwhile_attack,
                            clause_drafts, enemy_toll, national_area, own_forces, paragraph_source,
                            singular_victims, speaker_actor)
from .violence_kinds import (CROWD, CUMULATIVE_RE, DAILY_RE, NOMINAL, POLICE, WAR_BEGAN, YEARS_LONG,
                             armed_subject, attack_subtype, carried_out, protest_scuffle, threatened, war_toll)
from .counts import INTERCEPT, attach_quantities, classify_number, singular_weapons, vague_casualties
from ..lexicon import load_lexicon


LAUNCH = load_lexicon().words["violence.launch_verbs"]
OVERFLIGHT = re.compile(r"\b(flew|flying|flown|overflew)\s+(over|across)\b|\boverflight\b", re.I)
INTO_SEA = re.compile(r"\binto\s+(the\s+)?([A-Z][a-z]+\s+)?(sea|waters|ocean|Pacific)\b", re.I)


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
        if CROWD.search(facts.text) and POLICE.search(facts.text) and protest_scuffle(triggers):
            return veto(facts, self.family, 'protesters clashing with police: part of the protest, which carries its dead and hurt')
        if YEARS_LONG.search(facts.text) or RATE.search(facts.text) or WAR_BEGAN.search(facts.text):
            return veto(facts, self.family, '"Al-Shabaab has fought for nearly two decades": a war\'s history, not an incident')
        strong = [t for t in triggers if (not t.weak or carried_out(t.token)) and not is_reference(t.token, facts)
                  and not wished(t.token)
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
        drafts += meanwhile_attack(drafts, strong, facts, base, ctx)
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
