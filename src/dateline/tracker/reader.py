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

Step 5 is tracker/stances.py (a mixin over this walk's state); the per-sentence
regexes and lexicon look-ups all steps use are tracker/sentence_cues.py.
"""
from __future__ import annotations

import re

from ..models import Extraction
from .findings import ArticleFindings, FoundProvision, FoundStance, FoundVersion, LocalProposal
from .lexicon import Lexicon, load
from .mentions import Mention, find_mentions, sponsor_verb
from .parties import PartyFinder, pick_conflict
from .sentence_cues import (CONTENT_OPENER, MEDIATED_BY, REPORTING, VENUE, cue_match, is_body, subject_text,
                            topic_of, topics_in)
from .stances import StanceSteps
from .text import Piece, figures, items, quotes, sentences


class ArticleReader(StanceSteps):
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
        body = [s for s in sentences(self.text, self.article.paragraphs) if is_body(s)]
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
        subject = subject_text(sentence.value[:verb.start()])
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
            topic = topic_of(self.lexicon, item.value)
            if topic:
                removed = bool(cue_match(self.lexicon, "removal", item.value))
                version = mention.version if mention else None
                found.append(FoundProvision(topic, item.value, figures(item.value), version, removed,
                                            self._evidence(sentence), item.start, item.end))
        if found:
            proposal.provisions.extend(found)
            self.last_provisions = found

    # -- step 6: removals
    def _removals(self, sentence: Piece, resolved: list[tuple[Mention, LocalProposal]]) -> None:
        removal = cue_match(self.lexicon, "removal", sentence.value)
        proposal = resolved[0][1] if resolved else self.recent
        if not removal or proposal is None:
            return
        clause_start = max(sentence.value.rfind(",", 0, removal.start()), 0)
        region = sentence.value[clause_start:removal.start()]
        topics = topics_in(self.lexicon, region) or topics_in(self.lexicon, sentence.value[removal.end():])[:1]
        if not topics:
            return
        praised = cue_match(self.lexicon, "praise", sentence.value)
        subject = subject_text(sentence.value[:REPORTING.search(sentence.value).start()]) \
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
            if topic_of(self.lexicon, item.value) == topic:
                proposal.provisions.append(FoundProvision(topic, item.value, figures(item.value), None, True,
                                                          self._evidence(sentence), item.start, item.end))
                return
