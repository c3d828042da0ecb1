"""Step 5 of reading an article: each clause with a stance cue gives stances.

Who (the subject's parties, else the extractor's hint for the sentence, else the
parties of the previous clause), what (the provision or proposal named after the
cue; "those conditions" means the last listed provisions) and which position (a
condition turns support into 'conditional').

This is half of the reader's code, so it lives in its own module, as a mixin of
ArticleReader (tracker/reader.py): stances read and update the walk's state (the
proposal named last, the parties that spoke last), which the attributes below
declare.
"""
from __future__ import annotations

import re

from .findings import FoundProvision, FoundStance, LocalProposal
from .lexicon import Cue, Lexicon
from .mentions import Mention, sponsor_verb
from .models import PROPOSAL_TARGET, EvidenceRef
from .parties import PartyFinder, names_an_official
from .sentence_cues import (ANAPHOR, EMBEDDED_GAP, HEDGE, NEGATED_ACCEPT, PRONOUN_OBJECT, REPORTING,
                            condition_after, first_cue, subject_text, topic_of, topics_in, unique_topics)
from .text import Piece, clauses, figures, items, quotes


class StanceSteps:
    """Step 5 over the state of ArticleReader's walk through one article."""

    lexicon: Lexicon
    finder: PartyFinder
    article_id: str
    hints: list[tuple[int, int, tuple[str, ...]]]  # (start, end, parties) of extractor statements
    recent: LocalProposal | None
    last_provisions: list[FoundProvision]
    last_parties: tuple[str, ...]

    def _evidence(self, sentence: Piece) -> EvidenceRef:
        return EvidenceRef(sentence.value, self.article_id, sentence.start, sentence.end)

    # -- step 5: stances
    def _stances(self, sentence: Piece, resolved: list[tuple[Mention, LocalProposal]]) -> None:
        previous: tuple[str, ...] = ()
        for clause in clauses(sentence):
            parties = self._clause_stances(sentence, clause, resolved, previous)
            if parties:
                previous = parties
                self.last_parties = parties

    def _clause_stances(self, sentence: Piece, clause: Piece, resolved: list[tuple[Mention, LocalProposal]],
                        previous: tuple[str, ...]) -> tuple[str, ...]:
        text = clause.value
        found = first_cue(self.lexicon, text)
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
        condition = condition_after(self.lexicon, text, 0)
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
        subject = subject_text(clause.value[:report.start()])
        if not subject or self.finder.is_commentary(subject):
            return ()
        return tuple(dict.fromkeys(h.party for h in self.finder.find(subject) if not h.possessive
                                   or subject.startswith(clause.value[h.start:h.end]))) or \
            tuple(dict.fromkeys(h.party for h in self.finder.find(subject)))

    def _condition_only(self, sentence: Piece, clause: Piece, previous: tuple[str, ...]) -> tuple[str, ...]:
        """"... that the troop withdrawal depended on X": conditional on that provision."""
        m = re.search(r"\b(depends|depended|depending|conditional)\s+on\b", clause.value)
        if not m or not previous or self.recent is None:
            return ()
        topic = topic_of(self.lexicon, clause.value[:m.start()])
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
        subject = subject_text(text[:head_end])
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
        condition = condition_after(self.lexicon, text, m.end())
        window_end = condition.start() if condition else len(text)
        window = text[m.end():window_end]
        after = [x for x in in_clause if clause.start + m.end() <= x[0].start < clause.start + window_end]
        anaphor = ANAPHOR.search(window)
        first_mention = after[0][0].start - clause.start - m.end() if after else len(window)
        if anaphor and anaphor.start() < first_mention and self.last_provisions:
            return [(p.topic, default, p.version) for p in unique_topics(self.last_provisions)]
        if PRONOUN_OBJECT.match(window):
            return [(PROPOSAL_TARGET, default, None)]
        masked = window[:first_mention]
        topics = [(t, default, None) for t in topics_in(self.lexicon, masked)]
        if topics:
            owner = after[0][1] if after else default
            for t, _, _ in topics:
                self._ensure_provision(owner, t, clause, masked)
            return [(t, owner, None) for t, _, _ in topics]
        if after:
            return [(PROPOSAL_TARGET, after[0][1], after[0][0].version)]
        # nothing named after the cue: a provision named before it ("... must not be restricted")
        subject_end = text.find(text[:m.start()].strip()) if text[:m.start()].strip() else 0
        before_topics = topics_in(self.lexicon, text[subject_end:m.end()])
        if before_topics:
            for t in before_topics:
                self._ensure_provision(default, t, clause, text[:m.end()])
            return [(t, default, None) for t in before_topics]
        if NEGATED_ACCEPT.search(m.group(0)):
            return [(PROPOSAL_TARGET, default, None)]  # "would not sign until ..."
        return []

    def _ensure_provision(self, proposal: LocalProposal, topic: str, clause: Piece, phrase: str) -> None:
        if any(p.topic == topic for p in proposal.provisions):
            return
        for item in items(phrase, clause.start + clause.value.find(phrase) if phrase in clause.value else clause.start):
            if topic_of(self.lexicon, item.value) == topic:
                proposal.provisions.append(FoundProvision(
                    topic, item.value, figures(item.value), None, False,
                    EvidenceRef(clause.value, self.article_id, clause.start, clause.end), item.start, item.end))
                return
