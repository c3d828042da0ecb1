"""Counts in a sentence: which number counts weapons, which the dead or the injured,
and how they attach to a draft ("over 460 drones", "killing at least six people")."""
from __future__ import annotations

import re

from ...models import Quantity
from ..facts import SentenceFacts
from ..lexicon import Lexicon, load_lexicon
from ..quantities import NumberMention, with_noun
from .base import Draft

PEOPLE = load_lexicon().words["counts.people_nouns"]
UNITS = load_lexicon().words["counts.unit_nouns"]
ADJECTIVES = load_lexicon().words["counts.people_modifiers"]
DEATH_WORDS = load_lexicon().words["counts.death_words"]
DEAD_WORDS = re.compile(r"\b(dead|deaths?|killed|kill|killing|fatalities|lives|bodies|died|die|slain|"
                        r"lost their lives|perished|massacred|executed|martyred|death toll|toll)\b", re.I)
HURT_WORDS = re.compile(r"\b(wounded|wounding|injured|injuring|injuries|hurt|hospitali[sz]ed|casualties)\b", re.I)
RESCUE_WORDS = re.compile(r"\b(rescu\w*|evacuat\w*|saved|freed|released|displaced|missing|arrested|detained|captured|abducted|kidnapped|fled|hostages?|prisoners?)\b", re.I)
INTERCEPT = re.compile(r"\b(shot down|shooting down|downed|intercepted|intercepting|destroyed|neutrali[sz]ed|"
                       r"jammed|suppressed|repelled|brought down|were down)\b", re.I)


def following(facts: SentenceFacts, n: NumberMention, words: int = 6) -> str:
    rest = facts.text[n.end:]
    m = re.match(r"[^,;.:()—–]*", rest)
    chunk = m.group(0) if m else rest
    return " ".join(chunk.split()[:words])


def preceding(facts: SentenceFacts, n: NumberMention, words: int = 4) -> str:
    return " ".join(facts.text[:n.start].split()[-words:])


TOLL_ROSE = re.compile(r"\b(death toll|toll)\b[^.;]{0,70}?\b(rose|climbed|jumped|reached|increased|hit|stood|stands|"
                       r"is|was|has risen|had risen)\s+(to\s+|at\s+)?(at least\s+|more than\s+|over\s+|nearly\s+)?$", re.I)


def classify_number(facts: SentenceFacts, n: NumberMention, lex: Lexicon) -> tuple[str, str | None, str | None]:
    """('weapon', class, type) / ('fatalities'|'injured', None, None) / ('other', None, None)."""
    if re.search(r"\b(no|not a single|none of the)\s*$", facts.text[:n.start], re.I):
        return "other", None, None  # "no one was hurt"
    after = following(facts, n)
    words = after.split()
    if re.search(r"\bfamil(y|ies) of\s*$", facts.text[:n.start], re.I):
        # "killed a family of five": five people
        left = preceding(facts, n, 5)
        if DEAD_WORDS.search(left):
            return "fatalities", None, None
        if HURT_WORDS.search(left):
            return "injured", None, None
    # skip adjectives before the counted noun: "58 Pakistani soldiers", "12 more civilians"
    while len(words) > 1 and (words[0][:1].isupper() or words[0].lower() in ADJECTIVES) and words[0].lower() not in PEOPLE \
            and not (words[0][:1].isupper() and words[0].endswith("s") and words[1].lower() not in PEOPLE):
        words = words[1:]  # "58 Pakistani soldiers" -> soldiers; but "58,000 Palestinians" stays
    first = words[0].lower().strip("’'") if words else ""
    if first == "of" and len(words) > 1 and words[1].lower() not in ("the", "them", "those", "these", "their"):
        first = words[1].lower().strip("’',.")   # "dozens of homes" counts homes, "dozens of people" people
        words = words[1:]
    head_words = " ".join(after.split()[:4])
    weapon = lex.weapon_of(head_words)
    if weapon and first not in ("people", "civilians", "soldiers", "troops") and not re.match(
            r"^(of|in|from|at|on)\b", after, re.I):
        return "weapon", weapon[0], weapon[1]
    if weapon and re.match(r"^of\s+(the|them|those|these)\b", after, re.I):
        return "weapon", weapon[0], weapon[1]
    if first in DEATH_WORDS:
        return "fatalities", None, None
    if TOLL_ROSE.search(facts.text[:n.start]):
        return "fatalities", None, None   # "the death toll from Saturday's strike rose to 40"
    if first in ("injured", "wounded", "injuries", "hurt"):
        return "injured", None, None
    left2 = preceding(facts, n, 2).replace('"', "").replace("”", "").replace("“", "").rstrip()
    if re.search(r"\b(kill(ed|ing)?|wound(ed|ing)?|injur(ed|ing)|massacred|executed|shot dead|left|neutrali[sz]ed|eliminated)\s*$", left2, re.I) \
            and first not in ("of", "per", "percent") and not weapon:
        # "killed three ethnic Albanians", "wounding 20": the verb before the count decides
        if re.search(r"\bleft\s*$", left2, re.I):
            # "left about 50 people dead", "left 12 wounded", "left thousands homeless"
            close = " ".join(after.split()[:3])
            if DEAD_WORDS.search(close):
                return "fatalities", None, None
            return ("injured", None, None) if HURT_WORDS.search(close) else ("other", None, None)
        return ("fatalities" if re.search(r"kill|massacre|execut|dead|neutrali|eliminat", left2, re.I) else "injured"), None, None
    if RESCUE_WORDS.search(" ".join(after.split()[:3])) or RESCUE_WORDS.search(preceding(facts, n, 2)):
        return "other", None, None
    if first in ("were", "was", "have", "had", "are") and len(words) > 1:
        # "four were killed and 11 were wounded": the people noun left out
        verb = " ".join(words[1:4])
        if HURT_WORDS.search(verb):
            return "injured", None, None
        if DEAD_WORDS.search(verb):
            return "fatalities", None, None
    is_people = first in PEOPLE or (first and first.rstrip("s") in {p.rstrip("s") for p in PEOPLE})
    if first in UNITS:
        return "other", None, None   # "about 30 kilometres south of", "dozens of homes"
    is_plural_noun = bool(first) and (first.endswith("s") or words[0][:1].isupper()) and first not in UNITS
    if is_people or first in ("of",) or is_plural_noun:
        right = " ".join(facts.text[n.end:].split()[:7])
        left = preceding(facts, n, 4)
        # the verb right after the counted people decides first: "a woman was killed and three
        # other villagers were wounded"
        close = " ".join(after.split()[:4])
        c_dead, c_hurt = DEAD_WORDS.search(close), HURT_WORDS.search(close)
        if c_hurt and not c_dead:
            return "injured", None, None
        if c_dead and not c_hurt:
            return "fatalities", None, None
        # nearest casualty word decides: "killing 12 people", "six people were wounded"
        r_dead, r_hurt = DEAD_WORDS.search(right), HURT_WORDS.search(right)
        l_dead, l_hurt = DEAD_WORDS.search(left), HURT_WORDS.search(left)
        if l_dead and not l_hurt:
            return "fatalities", None, None
        if l_hurt and not l_dead:
            return "injured", None, None
        if r_dead and (not r_hurt or r_dead.start() < r_hurt.start()):
            return "fatalities", None, None
        if r_hurt:
            return "injured", None, None
        if l_dead and l_hurt:
            return ("fatalities" if l_dead.start() > l_hurt.start() else "injured"), None, None
    if first == "" or first in ("and", "others"):
        # "killing 17 civilians and wounding more than 40": the nearest verb before the number
        left = preceding(facts, n, 3)
        dead = [m.end() for m in DEAD_WORDS.finditer(left)]
        hurt = [m.end() for m in HURT_WORDS.finditer(left)]
        if dead or hurt:
            return ("fatalities" if max(dead, default=-1) > max(hurt, default=-1) else "injured"), None, None
    return "other", None, None


def weapon_text(facts: SentenceFacts, n: NumberMention, lex: Lexicon) -> str:
    """'over 460 drones': the number's words up to the weapon noun."""
    after = following(facts, n, 6)
    words = after.split()
    for k in range(1, len(words) + 1):
        if lex.weapon_of(" ".join(words[:k])):
            return f"{n.quantity.text} {' '.join(words[:k])}".strip()
    return n.quantity.text


def casualty_text(facts: SentenceFacts, n: NumberMention) -> str:
    after = following(facts, n, 3).split()
    keep = []
    for w in after:
        keep.append(w)
        if w.lower().strip(".,") in PEOPLE | {"deaths", "killed", "injured"} or (w[:1].isupper() and w.endswith("s")):
            break
    return f"{n.quantity.text} {' '.join(keep)}".strip() if keep else n.quantity.text


def attach_quantities(draft: Draft, facts: SentenceFacts, lex: Lexicon, numbers: list[NumberMention]) -> None:
    intercepting = bool(INTERCEPT.search(facts.text))
    intercept_at = INTERCEPT.search(facts.text).start() if intercepting else None
    for n in numbers:
        kind, cls, typ = classify_number(facts, n, lex)
        if kind == "weapon":
            q = with_noun(n.quantity, weapon_text(facts, n, lex))
            after_words = facts.text[n.end:n.end + 60]
            is_intercept = intercepting and (
                (intercept_at is not None and intercept_at < n.start)
                or bool(INTERCEPT.search(after_words.split(".")[0][:45])))
            if is_intercept:
                draft.intercepted.setdefault(typ or cls, q)
                continue
            if typ and typ != cls:
                draft.weapon_types.setdefault(typ, q)
                named_class = re.search(r"\b(drones?|missiles?|rockets?|jets?|bombs?)\b",
                                        " ".join(following(facts, n, 4).split()[:3]), re.I)
                if typ.endswith("_missiles") or typ == "fighter_jets" or named_class:
                    draft.weapons.setdefault(cls, q)  # "six ballistic missiles", "98 Shahed drones"
            else:
                draft.weapons.setdefault(cls, q)
        elif kind == "fatalities" and draft.fatalities is None:
            draft.fatalities = with_noun(n.quantity, casualty_text(facts, n))
        elif kind == "injured" and draft.injured is None:
            draft.injured = with_noun(n.quantity, casualty_text(facts, n))
    # class totals as a plain sum of counted types, where the text gives none
    by_class: dict[str, list] = {}
    for typ, q in draft.weapon_types.items():
        cls = next((c for term, c, t in lex.weapons if t == typ), None)
        if cls:
            by_class.setdefault(cls, []).append(q)
    for cls, qs in by_class.items():
        # "36 cruise missiles, five S-300 guided missiles and three ballistic missiles": the class
        # total is their sum, not the first type's count
        from_a_type = cls in draft.weapons and (" + " in draft.weapons[cls].text
                                                or any(draft.weapons[cls].text == q.text for q in qs))
        if (cls not in draft.weapons or from_a_type) and len(qs) > 1 and all(q.qualifier == "exact" for q in qs):
            total = sum(q.min for q in qs)
            draft.weapons[cls] = Quantity(total, total, "exact", " + ".join(q.text for q in qs))


def vague_casualties(facts: SentenceFacts) -> tuple[bool, bool]:
    """'killed civilians' without a number: (dead mentioned, hurt mentioned)."""
    return bool(DEAD_WORDS.search(facts.text)), bool(HURT_WORDS.search(facts.text))


# "a ballistic missile", "a Russian military drone": one weapon, as the text words it
SINGULAR_WEAPON = re.compile(
    r"\b(?:an?|one)\s+((?:[\w\"“”-]+\s+){0,3}?)(missile|drone|rocket)\b(?!\s+(?:attack|strike|fragment|debris|part|programme|program|fire|factory|plant|launcher|unit|system)\b)",
    re.I)


def singular_weapons(draft: Draft, facts: SentenceFacts, lex: Lexicon) -> None:
    """Count a lone weapon ("a drone struck a minibus") where no number counts that class."""
    for m in SINGULAR_WEAPON.finditer(facts.text):
        if re.search(r"\b(of|and|or|with|than|downed|intercepted|destroyed|shot)\b", m.group(1), re.I):
            continue  # "a barrage of missiles", "more than a missile", "a downed drone"
        if re.search(r"\b(from|of|by|than)\s*$", facts.text[max(0, m.start() - 12):m.start()], re.I):
            continue  # "debris from a drone", "the wreckage of a drone": what is left, not what struck
        base = facts.sent.start_char
        words = facts.sent.doc.char_span(base + m.start(1), base + m.end(2), alignment_mode="expand")
        if words is not None and (words[-1].dep_ == "compound" or any(
                t.pos_ in ("VERB", "AUX", "ADP") for t in words[:-1])):
            continue  # "a drone factory", "a car hit by rocket fire": no weapon counted
        cls = {"missile": "missiles", "rocket": "missiles", "drone": "drones"}[m.group(2).lower()]
        if cls in draft.weapons or any(classify_number(facts, n, lex)[1] == cls for n in facts.numbers):
            continue
        draft.weapons[cls] = Quantity(1, 1, "exact", m.group(0))
