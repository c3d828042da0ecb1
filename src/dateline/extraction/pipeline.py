"""Extractor: Article -> Extraction. Loads spaCy (and the gazetteer) once.

    extractor = Extractor.from_settings(settings)
    extraction = extractor.extract_article(article)

Paragraphs are parsed separately so headlines never merge into sentences.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from ..models import Article, Extraction, Place
from ..settings import Settings
from ..temporal import date_convention, day_first_for
from . import assemble, dating, merge
from .actors import ActorIndex
from .components.base import Context
from .explain import Explanation, PipelineRecord, explain
from .lexicon import load_lexicon
from .prepare import add_gazetteer_places, add_places_named_before, name_settlements, split_parenthesised_places
from .placing import ContextPlacing, named_target_country, place_at_the_one_site, region_beside
from .nlp import EventsComponent, _country_code, is_heading, is_standfirst, load_model

log = logging.getLogger(__name__)


@dataclass
class Extractor:
    nlp: Language
    events: EventsComponent
    geo: Any = None   # dateline.geo.Gazetteer or None (places keep text and country only)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Extractor:
        settings = settings or Settings.load()
        nlp = load_model(settings.spacy_model)
        if "dateline_events" not in nlp.pipe_names:
            nlp.add_pipe("dateline_events")
        geo = _open_gazetteer(settings)
        return cls(nlp=nlp, events=nlp.get_pipe("dateline_events"), geo=geo)

    # -- the pipeline ---------------------------------------------------------------
    def extract_article(self, article: Article) -> Extraction:
        return self._run(article)[0]

    def explain_article(self, article: Article) -> Explanation:
        """The same extraction, with the rules and steps behind each event and the reasons a
        sentence gave none (see extraction/explain.py)."""
        extraction, record = self._run(article)
        return explain(extraction, record)

    def _run(self, article: Article) -> tuple[Extraction, PipelineRecord]:
        text = article.text
        paragraphs = list(article.paragraphs) or [(0, len(text))]
        lex = load_lexicon()
        with self.nlp.select_pipes(disable=["dateline_events"]):
            docs = list(self.nlp.pipe(text[s:e] for s, e in paragraphs))
        for doc in docs:
            split_parenthesised_places(doc)
            name_settlements(doc)
        if self.geo is not None:
            for doc in docs:
                add_gazetteer_places(doc, self.geo)
        add_places_named_before(docs, lex)
        index = ActorIndex()
        home = self._dateline_country(article)   # may need the gazetteer: looked up once
        index.learn(docs, lex, home_country=home)
        ctx = Context(lex=lex, actors=index, anchor=article.anchor_date, country_code=_country_code,
                      readout_source=assemble.readout_source(text))
        # a headline or standfirst needs a body after it: a text of one paragraph is all body
        has_body = len(paragraphs) > 1
        is_title = [has_body and i == 0 and text[s:e].strip() == article.title for i, (s, e) in enumerate(paragraphs)]
        # the summary line under the headline (within the first three paragraphs) is told like one
        is_title = [t or (has_body and i <= 2 and is_standfirst(text[s:e]))
                    for i, (t, (s, e)) in enumerate(zip(is_title, paragraphs))]
        first_body = next((i for i, (s, e) in enumerate(paragraphs)
                           if not is_heading(text[s:e]) and not is_title[i]), 0)
        sentence_no = 0
        drafts, all_facts = [], []
        # numeric dates are read day first outside the US (the dateline's, else the outlet's country)
        with date_convention(day_first_for(home, article.url)):
            for p, (doc, (start, _)) in enumerate(zip(docs, paragraphs)):
                doc.user_data.update({"dateline_ctx": ctx, "dateline_offset": start, "dateline_paragraph": p,
                                      "dateline_sentence0": sentence_no, "dateline_is_lead": p == first_body,
                                      "dateline_text": text,
                                      "dateline_is_title": is_title[p], "dateline_only_paragraph": not has_body})
                doc = self.events(doc)
                sentence_no += len(doc._.dateline_facts)
                all_facts.extend(doc._.dateline_facts)
                drafts.extend(doc._.dateline_drafts)
        return self._assemble(article, drafts, all_facts, ctx, home)

    def _dateline_country(self, article: Article) -> str | None:
        place = article.dateline.place if article.dateline else None
        if not place:
            return None
        code = _country_code(place)
        if code or self.geo is None:
            return code
        try:
            found = self.geo.resolve(place)
        except Exception:  # the dateline is a hint, never a reason to fail
            return None
        return found.country if found else None

    def _assemble(self, article: Article, drafts, all_facts, ctx: Context,
                  home: str | None) -> tuple[Extraction, PipelineRecord]:
        text = article.text
        record = PipelineRecord(facts=list(all_facts), drafts=list(drafts))
        sides = Counter(a.country for d in drafts for a in d.actors if a.country)
        resolver = PlaceResolver(self.geo, all_facts, article, home=home, main=ctx.actors.main_country,
                                 sides=tuple(c for c, _ in sides.most_common()))
        resolved: dict[tuple[int, int], Place | None] = {}
        last_city: Place | None = None
        for f in all_facts:
            # districts after the others, so they can be parented to the city named with them
            for p in sorted(f.places, key=lambda p: p.cue == "district"):
                parent = None
                if p.cue == "district":
                    parent = next((resolved[q.key] for q in f.places if resolved.get(q.key) is not None
                                   and resolved[q.key].precision == "city"), None) or last_city
                resolved[p.key] = resolver.resolve(p, parent=parent)
                if resolved[p.key] is not None and resolved[p.key].precision == "city":
                    last_city = resolved[p.key]
        resolver.widen_context(all_facts, resolved)
        for f in all_facts:
            for p in f.places:  # "Tawila, North Darfur": the admin1 beside a place picks its namesake
                region = region_beside(p, f.places, resolved, text)
                if region is not None and p.cue != "district":
                    resolved[p.key] = resolver.resolve(p, qualifier=region) or resolved[p.key]
            # A village the gazetteer lacks is in the country of the place that frames it
            # ("Zelenyi Kut in the Donetsk region"), else of the article's main country.
            known = [resolved[p.key].country for p in f.places if resolved[p.key] and resolved[p.key].country]
            for p in f.places:
                place = resolved[p.key]
                if place is not None and place.country is None:
                    country = p.country_hint or (known[0] if known else ctx.actors.main_country)
                    if country:
                        from dataclasses import replace
                        resolved[p.key] = replace(place, country=country)
        resolver.drop_non_places(drafts, resolved)
        countries = Counter(pl.country for pl in resolved.values() if pl and pl.country)
        for d in drafts:
            if d.nationwide and not d.nation:
                d.nation = assemble.nation_of(d, countries)
        # a text of one paragraph (an event note) tells its event, however old: no background
        one_paragraph = len(article.paragraphs) <= 1
        kept = drafts if one_paragraph else dating.drop_background(drafts, ctx.anchor)
        record.background = [d for d in drafts if not any(d is k for k in kept)]
        drafts = assemble.fold_intercepts(sorted(kept, key=lambda d: d.facts.index), resolved)
        record.folded = [d for d in kept if not any(d is k for k in drafts)]
        dating.nights_told_before(drafts, ctx, all_facts)
        clusters = merge.merge_drafts(drafts, resolved)
        clusters = assemble.statement_quote_follow(clusters)
        assemble.credit_readout(clusters, ctx.readout_source)
        assemble.attach_sublocations(clusters, all_facts)
        assemble.link_denials(clusters)
        dating.default_dates(clusters, ctx, all_facts)
        ids = {id(c): f"e{i + 1}" for i, c in enumerate(clusters)}
        assemble.link_part_of(clusters, ids, resolved)
        resolver.frame_unresolved(all_facts, resolved, drafts)   # after merging: a framed village is no nationwide event
        events = assemble.build_mentions(clusters, text, resolver.country_place, ids, resolved)
        events = resolver.place_in_text_country(events, resolved)
        events = place_at_the_one_site(events, all_facts, resolved,
                                       keep={ids[id(c)] for c in clusters if named_target_country(c)})
        quotes = assemble.build_quotes(text, all_facts, events)
        record.clusters, record.ids = clusters, ids
        return Extraction(article=article, events=tuple(events), quotes=tuple(quotes)), record


def _open_gazetteer(settings: Settings):
    """The gazetteer when built; without it places keep their text and country only."""
    try:
        from ..geo import Gazetteer  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return Gazetteer.from_settings(settings)
    except Exception as exc:  # a missing gazetteer must not stop extraction
        log.warning("gazetteer unavailable (%s); places are not geocoded", exc)
        return None


class PlaceResolver(ContextPlacing):
    """Place mentions -> Place, with the article's context (its countries, its dateline)."""

    def __init__(self, geo, all_facts, article: Article, home: str | None = None, main: str | None = None,
                 sides: tuple[str, ...] = ()):
        self.geo = geo
        self.article = article
        self.home = home   # the dateline's country: whose capital "the capital" is, unless the text says
        codes = Counter()
        for f in all_facts:
            for p in f.places:
                code = _country_code(p.text)
                if code:
                    codes[code] += 1
        if not codes:
            # a text that names no country but speaks of "the Malian army" or "Somali troops" is
            # about that country: its villages are not namesakes in Germany
            for f in all_facts:
                for tok in f.sent:
                    code = _country_code(tok.text) if tok.ent_type_ == "NORP" else None
                    if code:
                        codes[code] += 1
        self.article_countries = tuple(c for c, _ in codes.most_common())
        # the dateline's and the actors' country are the text's context too (geo/context.py)
        self.context_countries = self.article_countries + tuple(
            dict.fromkeys(c for c in (home, main) if c and c not in self.article_countries))
        self.sides = sides   # the actors' countries: a weaker hint (an attacker's is seldom the place)

    def resolve(self, p, *, parent: Place | None = None, qualifier: str | None = None) -> Place | None:
        if p.cue == "capital":
            return self._capital(p)
        if not self.is_place_text(p.text):
            return None
        code = _country_code(p.text) if p.cue is None else None
        if code:
            return self.country_place(None, country=code, text=p.text)
        if self.geo is not None:
            try:
                from ..geo import GeoContext  # type: ignore[attr-defined]

                context = GeoContext(cue=p.cue, country_hint=p.country_hint,
                                     article_countries=self.context_countries,
                                     dateline_place=self.article.dateline.place if self.article.dateline else None,
                                     parent=parent, qualifier=qualifier, side_countries=self.sides)
                place = self.geo.resolve(p.text, context=context)
                if place is not None:
                    if p.relation and hasattr(place, "__class__"):
                        from dataclasses import replace
                        place = replace(place, relation=p.relation)
                    return _with_text(place, p.text)
            except Exception as exc:  # geocoding never empties the rest of the output
                log.warning("geocoding %r failed: %s", p.text, exc)
        code = _country_code(p.text)
        if code:
            return self.country_place(None, country=code, text=p.text)
        return Place(text=p.text, country=p.country_hint)

    def _capital(self, p) -> Place | None:
        """'the capital' -> the capital of the country named with it, else of the article's country."""
        from ..geo.countries import country_info

        code = p.country_hint or (self.home if self.home in self.article_countries else None) or (
            self.article_countries[0] if self.article_countries else None)
        if code is None or self.geo is None:
            return Place(text=p.text, country=code)
        try:
            capital = country_info(code).capital
            place = self.geo.resolve(capital, context=_geo_context(country_hint=code)) if capital else None
        except Exception as exc:  # a missing capital is no reason to lose the article
            log.warning("capital of %s: %s", code, exc)
            place = None
        return _with_text(place, p.text) if place else Place(text=p.text, country=code)

    def country_place(self, _unused, *, country: str, text: str) -> Place | None:
        if self.geo is not None and hasattr(self.geo, "country_place"):
            try:
                place = self.geo.country_place(country)
                if place is not None:
                    return _with_text(place, text)
            except Exception as exc:
                log.warning("country %s: %s", country, exc)
        try:
            from ..geo.countries import country_info

            info = country_info(country)
            return Place(text=text, name=info.name, country=country, lat=info.lat, lon=info.lon,
                         geonameid=info.geonameid, precision="country")
        except Exception:
            return Place(text=text, country=country, precision="country")


def _geo_context(**kwargs):
    from ..geo import GeoContext

    return GeoContext(**kwargs)


def _with_text(place: Place, text: str) -> Place:
    from dataclasses import replace

    return replace(place, text=text)
