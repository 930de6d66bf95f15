"""The records the extraction stages pass: a cue (reporting verb with its speaker phrase), a
resolved speaker, and the running state of one article (speakers met, relays carried)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quotes.extract.mentions import (
    Mention,
    Via,
)
from quotes.records import Quotation, SpeakerKind, quick_init

INDEFINITE = frozenset(
    {"a", "an", "one", "another", "some", "several", "two", "three", "many", "other"}
)

SPEAKER_KINDS: dict[str, SpeakerKind] = {
    "person": "person",
    "organisation": "organisation",
    "outlet": "organisation",
    "plural": "person",
    "description": "person",
}


@quick_init
@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    verb: str
    mention: Mention | None

    def with_mention(self, mention: Mention | None) -> Cue:
        """This cue with another speaker phrase (what `dataclasses.replace` gives, quicker)."""
        return Cue(self.start, self.end, self.verb, mention)


@quick_init
@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str
    role: str | None
    text: str

    def written_as(self, text: str) -> Speaker:
        """This speaker, named by other words (what `dataclasses.replace` gives, quicker)."""
        return Speaker(self.name, self.kind, self.role, text)


@dataclass(slots=True)
class State:
    """What earlier sentences tell later ones: last speakers, last quotation, relay in force."""

    last_person: Speaker | None = None
    last_org: Speaker | None = None
    last_plural: Speaker | None = None
    last_quote: tuple[Speaker, int, Via | None] | None = None  # speaker, paragraph, via
    weak_last: bool = False  # the last quotation's speaker is only its sentence's subject
    via_record: tuple[Via, Speaker, int] | None = None
    prior_claim: tuple[Speaker, int, int] | None = None  # speaker, paragraph, sentence end
    previous_sentence: tuple[int, int] = (-1, -1)  # the bounds of the sentence before
    last_sentence: tuple[int, int] = (-1, -1)  # the last sentence of the paragraph before
    paragraph: int = -1  # the paragraph being read
    # An unnamed official who spoke ("a government spokesman"), the paragraph, and the named
    # person "he" or "she" meant before: the official is who they mean for one paragraph more.
    unnamed: tuple[Speaker, int, Speaker | None] | None = None
    results: list[Quotation] = field(default_factory=list)
    # The spans of the results after the last one of another paragraph than `spans_paragraph`,
    # kept up to date from `spans_upto` on (results only grow, and keep their spans).
    spans_paragraph: int = -1
    spans_upto: int = 0
    paragraph_spans: set[tuple[int, int]] = field(default_factory=set)

    def spans_of_paragraph(self, index: int) -> set[tuple[int, int]]:
        """The spans of the results at the end of `results` that belong to paragraph `index`:
        one pass over the new results, so a long paragraph costs linear time, not quadratic."""
        if self.spans_paragraph != index:
            start = len(self.results)
            while start and self.results[start - 1].paragraph == index:
                start -= 1
            self.spans_paragraph, self.spans_upto = index, start
            self.paragraph_spans = set()
        spans = self.paragraph_spans
        for q in self.results[self.spans_upto :]:
            if q.paragraph != index:
                spans.clear()
            else:
                spans.add((q.start, q.end))
        self.spans_upto = len(self.results)
        return spans
