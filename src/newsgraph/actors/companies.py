"""Companies: what makes an unknown organisation a business (---BUS) and what keeps it from being one.

Legal suffixes, business appositions, employers and coordination with a company make one; a
name most of whose mentions read as a product or an index never does.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.actors.lexicon import normalize
from newsgraph.actors.state import BUSINESS_SECTOR, DEFINITE, INDEFINITE, UNKNOWN_COUNTRY, Candidate, ResolutionState
from newsgraph.records import Actor


#: Added to a title's holder coded with the country of the organisation its title names ("Tesco's CEO").
COMPANY_IN_TITLE_RULE = "+company-in-title"
#: Added to an unknown organisation's rule when a company the text names in full ("Zantor Inc.") gave its code.
SHORT_NAME_RULE = "+short-name"
#: Added to an unknown organisation's rule when it is coordinated with a company ("Zantor and Brenko Inc.").
CONJOINED_COMPANY_RULE = "+conjoined-company"
#: How many words a company's full name may have beyond the short name that recalls it ("Zantor Motor Co").
SHORT_NAME_MAX_DROPPED_WORDS = 2


class CompaniesMixin(ResolutionState):
    """Companies: legal suffixes, business appositions, short names, employers, and names that are products."""

    def _business_apposition(self, start: int, end: int) -> tuple[str, int] | None:
        """ "NPD Group, a market research firm", "Ostra, Norway's largest airline": an apposition
        headed by a business noun makes an unknown organisation a company. Returns the country the
        apposition names ("" when it names none) and the apposition's head."""
        root = self.doc[start:end].root
        for child in root.children:
            if child.dep_ != "appos" or child.i < end:
                continue
            title = self._sector_match(child.i)
            if title is None or title.entry.sector != BUSINESS_SECTOR or title.entry.generic:
                continue
            for token in self.doc[child.left_edge.i:child.i]:
                named = self._named_match(token.i)
                if named is not None and named.entry.kind in ("country", "adjective"):
                    code = self._code(named.entry)
                    if code and code[:3] in self.lex.countries:
                        return code[:3], child.i
            return "", child.i
        return None

    def _corporate_suffix_at(self, i: int) -> bool:
        """ "Zantor Ltd", "Ostra S.A.": a word that closes a company's legal name (``corporate_suffixes.txt``)."""
        return 0 <= i < len(self.doc) and self.doc[i].text.rstrip(".") in self.lex.corporate_suffixes

    def _corporate_suffix_after(self, end: int) -> bool:
        """The legal suffix the entity model left outside the name ("Zantor Ltd", "Zantor, Inc.")."""
        if end < len(self.doc) and self.doc[end].text == ",":
            end += 1
        return self._corporate_suffix_at(end) and not self.doc[end].is_sent_start

    def _code_from_company_in_title(self) -> None:
        """ "Tesco's CEO Dave Lewis", "the chief executive of Tesco": a title of no country whose
        words name an organisation the text gives a country elsewhere ("UK-based retailer Tesco")
        takes that country."""
        countries: dict[str, str] = {}
        for candidate in self.candidates:
            if candidate.kind == "organization" and candidate.identity.startswith("org:") \
                    and (candidate.code or "")[:3] in self.lex.countries:
                countries.setdefault(candidate.identity, (candidate.code or "")[:3])
        if not countries:
            return
        for candidate in self.candidates:
            code = candidate.code or ""
            if candidate.kind not in ("person", "anonymous") or not code.startswith(UNKNOWN_COUNTRY) \
                    or code == UNKNOWN_COUNTRY:
                continue
            words = re.sub(r"['’]s\b", "", f" {normalize(candidate.role or candidate.text)} ")
            named = [country for identity, country in countries.items() if f" {identity[4:]} " in words]
            if len(set(named)) == 1:
                candidate.code = named[0] + code[len(UNKNOWN_COUNTRY):]
                candidate.rule += COMPANY_IN_TITLE_RULE

    def _names_a_product(self, candidate: Candidate) -> bool:
        """ "the Falcon's bodyshell", "the Nasdaq index", "Zantor instant messenger": a name after a
        determiner, or one that modifies a noun that is no agent, names a product, not a company."""
        span = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is None or not len(span):
            return True
        if span.start > 0 and self.doc[span.start - 1].lower_ in DEFINITE | INDEFINITE:
            return True
        root = span.root
        return root.dep_ == "compound" and root.head.i >= span.end and self._sector_match(root.head.i) is None \
            and not self._corporate_suffix_at(root.head.i)

    def _mostly_product(self, mentions: list[tuple[int, int]]) -> bool:
        """Whether most mentions of a name show it is a product or an index, not a company: the entity
        model tags it PRODUCT, a product noun follows it or sits inside it ("the Vexa laptop", "Orvix
        OS"; ``product_nouns.tsv``), or a determiner comes before it ("the new Vexa"). A brand takes
        the same nouns now and then ("Zantor phones"), hence most, not any."""
        products = [e for e in self.doc.ents if e.label_ == "PRODUCT"]
        shown = sum(1 for start, end in mentions if self._shows_product(start, end, products))
        return shown * 2 > len(mentions)

    def _shows_product(self, start: int, end: int, products: list[SpacySpan]) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        if any(e.start_char < end and start < e.end_char for e in products):
            return True
        nouns = self.lex.product_nouns
        words = [t.lower_ for t in span]
        inside = words + [" ".join(pair) for pair in zip(words, words[1:])]
        if any(nouns.get(word) for word in inside):
            return True
        after = [t.lower_ for t in self.doc[span.end:span.end + 2]]
        if after and (after[0] in nouns or " ".join(after) in nouns):
            return True
        if span.root.dep_ == "compound":
            return False  # "a former Zantor manager": the determiner is the manager's
        i = span.start - 1
        while i >= 0 and self.doc[i].pos_ == "ADJ":
            i -= 1
        return i >= 0 and self.doc[i].lower_ in DEFINITE | INDEFINITE

    def _code_employers(self, actors: list[Actor]) -> None:
        """An organisation no lexicon knows is a company (---BUS) when the text names its business
        officer ("the chief executive of Zantor", "Zantor's chief executive", "its CEO") or something
        only a company owns ("Zantor shares", "the stock of Zantor": ``company_evidence_nouns.txt``);
        a product's or an index's name is none ("Vexa laptop sales")."""
        for actor in actors:
            if actor.code is not None or actor.kind != "organization" \
                    or self._mostly_product([(m.start, m.end) for m in actor.mentions]):
                continue
            for mention in actor.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None and len(span) and (self._business_officer_of(span.root)
                                                       or self._company_possession_of(span.root)):
                    actor.code = UNKNOWN_COUNTRY + BUSINESS_SECTOR
                    actor.sector = self.lex.plover_sector(actor.code)
                    break

    def _code_short_names(self, actors: list[Actor]) -> None:
        """ "Zantor Inc." or "Zantor Group" coded a company, then "Zantor" alone: an uncoded
        organisation whose name opens a company's longer name, with at most
        ``SHORT_NAME_MAX_DROPPED_WORDS`` words more, is that company and takes its code."""
        companies = [a for a in actors if a.kind == "organization" and a.code and a.code.endswith(BUSINESS_SECTOR)]
        for actor in actors:
            if actor.code is not None or actor.kind != "organization":
                continue
            short = normalize(actor.name)
            codes = {c.code for c in companies
                     if normalize(c.name).startswith(short + " ")
                     and len(normalize(c.name)[len(short):].split()) <= SHORT_NAME_MAX_DROPPED_WORDS}
            if len(codes) == 1:
                actor.code = codes.pop()
                actor.sector = self.lex.plover_sector(actor.code)
                actor.rule += SHORT_NAME_RULE

    def _code_companies_conjoined(self, actors: list[Actor]) -> None:
        """ "the strategies of Zantor and Brenko", "staff of Brenko and German airline Nordair": an
        uncoded organisation coordinated with a company (a country's or none's) is a company too."""
        company_tokens: set[int] = set()
        for actor in actors:
            if actor.kind == "organization" and actor.code and actor.code.endswith(BUSINESS_SECTOR):
                for mention in actor.mentions:
                    span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                    company_tokens.update(range(span.start, span.end) if span is not None else ())
        if not company_tokens:
            return
        for actor in actors:
            if actor.code is not None or actor.kind != "organization":
                continue
            for mention in actor.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                root = span.root
                partners = [root.head] if root.dep_ == "conj" else []
                partners += [child for child in root.children if child.dep_ == "conj"]
                if any(partner.i in company_tokens for partner in partners):
                    actor.code = UNKNOWN_COUNTRY + BUSINESS_SECTOR
                    actor.sector = self.lex.plover_sector(actor.code)
                    actor.rule += CONJOINED_COMPANY_RULE
                    break

    @staticmethod
    def _owned_noun(name: Token) -> Token | None:
        """The noun a name owns or modifies: "Zantor's shares", "Zantor CEO", "the stock of Zantor"."""
        if name.dep_ in ("compound", "poss"):
            return name.head
        if name.dep_ == "pobj" and name.head.lower_ == "of":
            return name.head.head
        return None

    def _company_possession_of(self, name: Token) -> bool:
        owned = self._owned_noun(name)
        if owned is None:
            return False
        two_words = f"{self.doc[owned.i - 1].lower_} {owned.lower_}" if owned.i > 0 else ""
        return owned.lower_ in self.lex.company_evidence_nouns or two_words in self.lex.company_evidence_nouns

    def _business_officer_of(self, name: Token) -> bool:
        officer = self._owned_noun(name)
        if officer is None:
            return False
        # "Zantor President and Chief Executive": a business office conjoined with the title counts
        return self._business_title(officer.i) or any(child.dep_ == "conj" and self._business_title(child.i)
                                                      for child in officer.children)
