"""Reading one article for proposals, provisions and stances.

The cascade, sentence by sentence (headlines and subheads are skipped):

1. find proposal mentions and resolve each to a proposal of this article:
   by sponsor ("the US proposal"), by a distinctive head ("the counter-proposal"),
   else the most recently named proposal;
2. "X proposed/presented ..." makes X the sponsor; "mediated by X" too;
3. revision words ("refine", "revised") with "talks in <Place>" add a version;
4. a sentence that sets out content ("calls for", "includes", "would see") lists
   provisions: each list item gets the topic whose cue comes first in it;
5. each clause with a stance cue gives stances: who (the subject's parties),
   what (the provision or proposal named after the cue), which position;
6. "X were removed", said approvingly, marks provisions removed and the
   speaker opposed to them.
"""
from __future__ import annotations

import re

from ..models import Extraction
from .findings import ArticleFindings, FoundProvision, FoundStance, FoundVersion, LocalProposal
from .lexicon import Cue, Lexicon, load
from .mentions import Mention, find_mentions, sponsor_verb
from .models import PROPOSAL_TARGET, EvidenceRef
from .parties import PartyFinder, names_an_official, pick_conflict
from .text import Piece, clauses, figures, items, quotes, sentences

REPORTING = re.compile(
    r"\b(said|says|told|signaled|signalled|warned|noted|stressed|added|argued|announced|declared|"
    r"stated|wrote|confirmed|acknowledged|called|described|viewed|views|saying|noting|calling|"
    r"arguing|warning)\b")
SUBORDINATE = re.compile(r"^(?:while|as|after|although|though|when|despite|even as|under|in|at|"
                         r"still|meanwhile|however|on|by)\b[^,]*,\s*", re.IGNORECASE)
DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'’-]+,[^—–]{0,40}?(?:—|–|--)\s*")
HEDGE = re.compile(r"\b(is|are|was|were)\s+(likely|expected|set)\s+to\b|\bpredicted\b|\bexpects?\b",
                   re.IGNORECASE)
EMBEDDED_GAP = re.compile(r"^\s*(?:(?:had|has|have|would|will|was|is|also|still|formally|then|later|"
                          r"not|yet|it|they)\s+)*$", re.IGNORECASE)
ANAPHOR = re.compile(r"\b(those|these|such|the)\s+(conditions|terms|provisions|demands|points|clauses|"
                     r"concessions)\b", re.IGNORECASE)
PRONOUN_OBJECT = re.compile(r"^\s*(it|them)\b", re.IGNORECASE)
VENUE = re.compile(r"\b(?:talks|negotiations|meetings?|round|summit)\s+in\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
                   r"|\b(?:in|at)\s+([A-Z][a-z]+),?\s+where\b|\bthe\s+([A-Z][a-z]+)\s+(?:talks|round)\b")
MEDIATED_BY = re.compile(r"\b(?:mediated|brokered|sponsored|drafted|proposed)\s+by\s+(?:the\s+)?")
CONTENT_OPENER = re.compile(r"^(?:It|The (?:first|second|third|final|last) (?:phase|stage)|Under the)\b")
# Negated acceptance ("would not sign") is a refusal that a condition turns into 'conditional'.
NEGATED_ACCEPT = re.compile(r"\b(not|n't|never)\b", re.IGNORECASE)


def _is_body(sentence: Piece) -> bool:
    """Headlines, subheads, bylines and datelines have no final punctuation."""
    return bool(re.search(r"[.!?][\"”’)]*$", sentence.value))


class ArticleReader:
    """Reads one article; ``read()`` returns its findings."""

    def __init__(self, extraction: Extraction, article_id: str, lexicon: Lexicon | None = None) -> None:
        self.extraction = extraction
        self.article = extraction.article
        self.article_id = article_id
        self.lexicon = lexicon or load()
        self.text = self.article.text
        self.conflict = pick_conflict(self.lexicon, self.text)
        self.finder = PartyFinder(self.lexicon, self.conflict)
        self.finder.learn_people(self.text)
        self.hints = self._extraction_hints()
        self.proposals: list[LocalProposal] = []
        self.recent: LocalProposal | None = None
        self.last_provisions: list[FoundProvision] = []
        self.last_parties: tuple[str, ...] = ()

    # -- the extractor's statements tell who speaks where the text alone does not
    def _extraction_hints(self) -> list[tuple[int, int, tuple[str, ...]]]:
        hints = []
        for event in self.extraction.events:
            if event.type not in ("statement", "proposal", "agreement"):
                continue
            parties = []
            for actor in event.actors:
                party = self.lexicon.party_iso.get(actor.country or "")
                hits = self.finder.find(actor.name)
                party = party or (hits[0].party if hits else None)
                if party:
                    parties.append(party)
                    self.finder.learn_person(actor.name, party)
            if parties:
                hints.append((event.evidence.start, event.evidence.end, tuple(dict.fromkeys(parties))))
        return hints

    def read(self) -> ArticleFindings:
        body = [s for s in sentences(self.text, self.article.paragraphs) if _is_body(s)]
        for sentence in body:
            self._read_sentence(sentence)
        source = self.article.url or self.article.site or self.article.title or None
        kept = tuple(p for p in self.proposals if p.sponsors or p.provisions or p.stances or p.versions)
        return ArticleFindings(self.article_id, self.article.title, self.article.anchor_date, source,
                               self.conflict.id if self.conflict else None, kept)

    # -- step 1 and 2: mentions and sponsors
    def _resolve(self, mention: Mention) -> LocalProposal:
        proposal = None
        if mention.sponsors:
            proposal = next((p for p in self.proposals if set(mention.sponsors) <= set(p.sponsors)
                             or set(p.sponsors) <= set(mention.sponsors) and p.sponsors), None)
            if proposal is None:
                unsponsored = next((p for p in self.proposals if not p.sponsors), None)
                if unsponsored is not None and not any(p.sponsors for p in self.proposals):
                    proposal = unsponsored  # "the deal" first, "the US-brokered deal" later
                    proposal.sponsors = mention.sponsors
        elif mention.head in self.lexicon.terms["distinct_heads"]:
            proposal = next((p for p in reversed(self.proposals) if mention.head in p.heads), None)
        if proposal is None and not mention.sponsors:
            proposal = self.recent
        if proposal is None:
            proposal = LocalProposal(self.conflict.id if self.conflict else None, mention.sponsors)
            self.proposals.append(proposal)
        if mention.text not in proposal.aliases and not mention.implicit:
            proposal.aliases.append(mention.text)
        proposal.heads.append(mention.head)
        proposal.points = proposal.points or mention.points
        self.recent = proposal
        return proposal

    def _evidence(self, sentence: Piece) -> EvidenceRef:
        return EvidenceRef(sentence.value, self.article_id, sentence.start, sentence.end)

    def _read_sentence(self, sentence: Piece) -> None:
        value = sentence.value
        mentions = find_mentions(value, sentence.start, self.lexicon, self.finder)
        verb = sponsor_verb(value, self.lexicon)
        if verb:
            mentions = self._sponsored_by_verb(sentence, verb, mentions)
        mediated = MEDIATED_BY.search(value)
        if mediated and mentions:
            hits = self.finder.find(value[mediated.end():mediated.end() + 40])
            if hits and hits[0].start == 0 and not mentions[0].sponsors:
                first = mentions[0]
                mentions[0] = Mention(first.text, first.start, first.end, first.head,
                                      (hits[0].party,), first.version, first.points, first.weak)
        resolved = [(m, self._resolve(m)) for m in mentions]
        self._versions(sentence, resolved)
        self._provisions(sentence, resolved, verb)
        self._stances(sentence, resolved)
        self._removals(sentence, resolved)
        lead = self.finder.find(value[:60])
        if lead and not self.finder.is_commentary(value[:lead[0].start + 40]):
            self.last_parties = (lead[0].party,)

    def _sponsored_by_verb(self, sentence: Piece, verb: re.Match[str], mentions: list[Mention]) -> list[Mention]:
        subject = _subject_text(sentence.value[:verb.start()])
        sponsors = tuple(dict.fromkeys(h.party for h in self.finder.find(subject)))
        if not sponsors:
            return mentions
        after = [m for m in mentions if m.start >= sentence.start + verb.end()]
        if after and not after[0].sponsors:
            m = after[0]
            return [Mention(x.text, x.start, x.end, x.head, sponsors, x.version, x.points, x.weak)
                    if x is m else x for x in mentions]
        if after:
            return mentions
        rest = sentence.value[verb.end():]
        obj = re.match(r"\s*(?:on \w+ )?([^,;]+?)(?=,|;| on \w+day| in [A-Z]|$)", rest)
        text = (obj.group(1) if obj else rest).strip()
        start = sentence.start + verb.end() + rest.find(text)
        implicit = Mention(text, start, start + len(text), "proposal", sponsors, implicit=True)
        return [implicit] + mentions

    # -- step 3: versions
    def _versions(self, sentence: Piece, resolved: list[tuple[Mention, LocalProposal]]) -> None:
        value = sentence.value
        revision_words = self.lexicon.terms["revision_verbs"]
        revising = re.search(r"\b(" + "|".join(map(re.escape, revision_words)) + r")\b", value, re.IGNORECASE)
        for mention, proposal in resolved:
            kind = mention.version or ("revision" if revising else None)
            if kind is None and mention.points:
                kind = "original" if not any(v.kind == "revision" for v in proposal.versions) else None
            if kind is None:
                continue
            venue = None
            if kind == "revision":
                found = VENUE.search(value)
                venue = next((g for g in found.groups() if g), None) if found else None
            proposal.versions.append(FoundVersion(kind, venue, mention.points, self._evidence(sentence)))

    # -- step 4: provisions
    def _provisions(self, sentence: Piece, resolved: list[tuple[Mention, LocalProposal]],
                    verb: re.Match[str] | None) -> None:
        value = sentence.value
        content = re.search(r"\b(" + "|".join(map(re.escape, self.lexicon.terms["content_verbs"])) + r")\b",
                            value, re.IGNORECASE)
        starts = [m.start() for m in (content, verb) if m]
        if not starts:
            return
        if resolved:
            mention, proposal = resolved[0]
        elif CONTENT_OPENER.match(value) and self.recent is not None:
            mention, proposal = None, self.recent
        else:
            return
        region_start = min(starts)
        found = []
        for item in items(value[region_start:], sentence.start + region_start):
            topic = self.topic_of(item.value)
            if topic:
                removed = bool(self._cue_match("removal", item.value))
                version = mention.version if mention else None
                found.append(FoundProvision(topic, item.value, figures(item.value), version, removed,
                                            self._evidence(sentence), item.start, item.end))
        if found:
            proposal.provisions.extend(found)
            self.last_provisions = found

    def topic_of(self, phrase: str) -> str | None:
        """The topic whose cue comes first in the phrase (ties: the earlier topic in the file)."""
        best: tuple[int, int, str] | None = None
        for rank, topic in enumerate(self.lexicon.topics):
            for cue in topic.cues:
                m = cue.search(phrase)
                if m and (best is None or (m.start(), rank) < best[:2]):
                    best = (m.start(), rank, topic.topic)
        return best[2] if best else None

    def _cue_match(self, kind: str, text: str) -> re.Match[str] | None:
        for cue in self.lexicon.cues:
            if cue.kind == kind:
                m = cue.pattern.search(text)
                if m:
                    return m
        return None

    # -- step 5: stances
    def _stances(self, sentence: Piece, resolved: list[tuple[Mention, LocalProposal]]) -> None:
        previous: tuple[str, ...] = ()
        for clause in clauses(sentence):
            parties = self._clause_stances(sentence, clause, resolved, previous)
            if parties:
                previous = parties
                self.last_parties = parties

    def _first_cue(self, text: str) -> tuple[Cue, re.Match[str]] | None:
        best = None
        for order, cue in enumerate(self.lexicon.cues):
            if cue.kind not in ("verb", "evaluation"):
                continue
            for m in cue.pattern.finditer(text):
                if best is None or (m.start(), order) < (best[1].start(), best[2]):
                    best = (cue, m, order)
                break
        return (best[0], best[1]) if best else None

    def _clause_stances(self, sentence: Piece, clause: Piece, resolved: list[tuple[Mention, LocalProposal]],
                        previous: tuple[str, ...]) -> tuple[str, ...]:
        text = clause.value
        found = self._first_cue(text)
        if found is None:
            return self._condition_only(sentence, clause, previous) or self._subject_parties(clause)
        cue, m = found
        if HEDGE.search(text[:m.start()]):
            return ()
        verb = sponsor_verb(sentence.value, self.lexicon)
        if verb and clause.start - sentence.start <= verb.start() < clause.start - sentence.start + m.start():
            return ()  # "X proposed a truce under which ... would stop": the plan's content
        speaker, parties = self._speaker(sentence, clause, m, resolved, previous)
        if not parties:
            return ()
        position = cue.position or "supports"
        condition = self._condition_after(text, 0)
        if condition and (position == "supports" or (position == "rejects" and NEGATED_ACCEPT.search(m.group(0)))):
            position = "conditional"
        targets = self._targets(clause, cue, m, resolved)
        quote = next(iter(quotes(text)), None)
        for target, proposal, version in targets:
            for party in parties:
                if party in proposal.sponsors and target == PROPOSAL_TARGET and position == "supports":
                    continue  # a sponsor backing its own plan is not news for the matrix
                stance = FoundStance(party, target, position, self._evidence(sentence), speaker, quote, version)
                if not any(s.party == party and s.target == target and (
                        s.position == position or s.evidence.start == sentence.start)
                        for s in proposal.stances):
                    proposal.stances.append(stance)
        return parties

    def _subject_parties(self, clause: Piece) -> tuple[str, ...]:
        """Who a clause without a stance is about: "Russian officials said ..." -> Russia."""
        report = REPORTING.search(clause.value)
        if not report:
            return ()
        subject = _subject_text(clause.value[:report.start()])
        if not subject or self.finder.is_commentary(subject):
            return ()
        return tuple(dict.fromkeys(h.party for h in self.finder.find(subject) if not h.possessive
                                   or subject.startswith(clause.value[h.start:h.end]))) or \
            tuple(dict.fromkeys(h.party for h in self.finder.find(subject)))

    def _condition_after(self, text: str, start: int) -> re.Match[str] | None:
        for cue in self.lexicon.cues:
            if cue.kind == "condition":
                m = cue.pattern.search(text, start)
                if m:
                    return m
        return None

    def _condition_only(self, sentence: Piece, clause: Piece, previous: tuple[str, ...]) -> tuple[str, ...]:
        """"... that the troop withdrawal depended on X": conditional on that provision."""
        m = re.search(r"\b(depends|depended|depending|conditional)\s+on\b", clause.value)
        if not m or not previous or self.recent is None:
            return ()
        topic = self.topic_of(clause.value[:m.start()])
        if topic:
            self._add(self.recent, FoundStance(previous[0], topic, "conditional", self._evidence(sentence),
                                               None, None, None), sentence, clause.value[:m.start()])
            return previous
        return ()

    def _add(self, proposal: LocalProposal, stance: FoundStance, sentence: Piece, phrase: str) -> None:
        if stance not in proposal.stances:
            proposal.stances.append(stance)
        if stance.target != PROPOSAL_TARGET and not any(p.topic == stance.target for p in proposal.provisions):
            start = sentence.value.find(phrase.strip())
            proposal.provisions.append(FoundProvision(
                stance.target, phrase.strip(), figures(phrase), None, False, stance.evidence,
                sentence.start + max(start, 0), sentence.start + max(start, 0) + len(phrase.strip())))

    def _speaker(self, sentence: Piece, clause: Piece, cue: re.Match[str],
                 resolved: list[tuple[Mention, LocalProposal]],
                 previous: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
        text = clause.value
        report = REPORTING.search(text[:cue.start()])
        head_end = report.start() if report else cue.start()
        subject = _subject_text(text[:head_end])
        subject_offset = clause.start + text.find(subject) if subject else clause.start
        if subject and self.finder.is_commentary(subject):
            return None, ()
        in_mentions = [(m.start, m.end) for m, _ in resolved]
        hits = [h for h in self.finder.find(subject)
                if not any(s <= subject_offset + h.start < e for s, e in in_mentions)]
        if subject and not hits and any(s >= subject_offset and e <= subject_offset + len(subject) + 1
                                        for s, e in in_mentions):
            return None, ()  # "The Quad proposal calls for ...": content, not a stance
        parties = tuple(dict.fromkeys(h.party for h in hits))
        # an embedded subject right before the cue: "... said Kyiv supported ..."
        if report:
            between = text[report.end():cue.start()]
            for h in reversed(self.finder.find(between)):
                if not h.possessive and EMBEDDED_GAP.match(between[h.end:]):
                    parties = (h.party,)
                    break
        if not parties:
            parties = self._hinted(sentence) or ()
        if not parties and (not subject or re.fullmatch(r"(?:it|they|he|she|the group)", subject, re.I)):
            parties = previous or self.last_parties if not subject else (previous or self.last_parties)
        if not parties and subject and names_an_official(subject):
            parties = self.last_parties
        return (subject or None), tuple(parties)

    def _hinted(self, sentence: Piece) -> tuple[str, ...]:
        for start, end, parties in self.hints:
            if start < sentence.end and end > sentence.start:
                return parties
        return ()

    def _targets(self, clause: Piece, cue: Cue, m: re.Match[str],
                 resolved: list[tuple[Mention, LocalProposal]]) -> list[tuple[str, LocalProposal, str | None]]:
        text = clause.value
        in_clause = [(mn, p) for mn, p in resolved if clause.start <= mn.start < clause.end
                     and not (mn.start < clause.start + m.end() and mn.end > clause.start + m.start())]
        default = in_clause[0][1] if in_clause else self.recent
        if default is None:
            return []
        if cue.kind == "evaluation":
            before = [x for x in in_clause if x[0].end <= clause.start + m.start()]
            pick = before[-1] if before else (in_clause[0] if in_clause else None)
            if pick:
                return [(PROPOSAL_TARGET, pick[1], pick[0].version)]
            if re.search(r"\b(it|the move)\b", text[:m.start()] + text[m.end():], re.I):
                return [(PROPOSAL_TARGET, default, None)]
            return []
        condition = self._condition_after(text, m.end())
        window_end = condition.start() if condition else len(text)
        window = text[m.end():window_end]
        after = [x for x in in_clause if clause.start + m.end() <= x[0].start < clause.start + window_end]
        anaphor = ANAPHOR.search(window)
        first_mention = after[0][0].start - clause.start - m.end() if after else len(window)
        if anaphor and anaphor.start() < first_mention and self.last_provisions:
            return [(p.topic, default, p.version) for p in _unique_topics(self.last_provisions)]
        if PRONOUN_OBJECT.match(window):
            return [(PROPOSAL_TARGET, default, None)]
        masked = window[:first_mention]
        topics = [(t, default, None) for t in self._topics_in(masked)]
        if topics:
            owner = after[0][1] if after else default
            for t, _, _ in topics:
                self._ensure_provision(owner, t, clause, masked)
            return [(t, owner, None) for t, _, _ in topics]
        if after:
            return [(PROPOSAL_TARGET, after[0][1], after[0][0].version)]
        # nothing named after the cue: a provision named before it ("... must not be restricted")
        subject_end = text.find(text[:m.start()].strip()) if text[:m.start()].strip() else 0
        before_topics = self._topics_in(text[subject_end:m.end()])
        if before_topics:
            for t in before_topics:
                self._ensure_provision(default, t, clause, text[:m.end()])
            return [(t, default, None) for t in before_topics]
        if NEGATED_ACCEPT.search(m.group(0)):
            return [(PROPOSAL_TARGET, default, None)]  # "would not sign until ..."
        return []

    def _topics_in(self, text: str) -> list[str]:
        out = []
        for item in items(text):
            topic = self.topic_of(item.value)
            if topic and topic not in out:
                out.append(topic)
        return out

    def _ensure_provision(self, proposal: LocalProposal, topic: str, clause: Piece, phrase: str) -> None:
        if any(p.topic == topic for p in proposal.provisions):
            return
        for item in items(phrase, clause.start + clause.value.find(phrase) if phrase in clause.value else clause.start):
            if self.topic_of(item.value) == topic:
                proposal.provisions.append(FoundProvision(
                    topic, item.value, figures(item.value), None, False,
                    EvidenceRef(clause.value, self.article_id, clause.start, clause.end), item.start, item.end))
                return

    # -- step 6: removals
    def _removals(self, sentence: Piece, resolved: list[tuple[Mention, LocalProposal]]) -> None:
        removal = self._cue_match("removal", sentence.value)
        proposal = resolved[0][1] if resolved else self.recent
        if not removal or proposal is None:
            return
        clause_start = max(sentence.value.rfind(",", 0, removal.start()), 0)
        region = sentence.value[clause_start:removal.start()]
        topics = self._topics_in(region) or self._topics_in(sentence.value[removal.end():])[:1]
        if not topics:
            return
        praised = self._cue_match("praise", sentence.value)
        subject = _subject_text(sentence.value[:REPORTING.search(sentence.value).start()]) \
            if REPORTING.search(sentence.value) else ""
        parties = tuple(dict.fromkeys(h.party for h in self.finder.find(subject)))
        for topic in topics:
            self._mark_removed(proposal, topic, sentence, region)
            if praised and parties:
                for party in parties:
                    stance = FoundStance(party, topic, "opposes", self._evidence(sentence), subject,
                                         next(iter(quotes(sentence.value)), None), "revision")
                    if stance not in proposal.stances:
                        proposal.stances.append(stance)

    def _mark_removed(self, proposal: LocalProposal, topic: str, sentence: Piece, region: str) -> None:
        for i, p in enumerate(proposal.provisions):
            if p.topic == topic:
                proposal.provisions[i] = FoundProvision(p.topic, p.text, p.figures, p.version, True,
                                                        p.evidence, p.start, p.end)
                return
        offset = sentence.start + sentence.value.find(region)
        for item in items(region, offset):
            if self.topic_of(item.value) == topic:
                proposal.provisions.append(FoundProvision(topic, item.value, figures(item.value), None, True,
                                                          self._evidence(sentence), item.start, item.end))
                return


def _subject_text(text: str) -> str:
    text = DATELINE_PREFIX.sub("", text.strip())
    text = SUBORDINATE.sub("", text)
    return text.strip(" ,")


def _unique_topics(provisions: list[FoundProvision]) -> list[FoundProvision]:
    seen, out = set(), []
    for p in provisions:
        if p.topic not in seen:
            seen.add(p.topic)
            out.append(p)
    return out
