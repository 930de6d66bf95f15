"""Which cue a quotation takes: the one right after it, else the nearest before it in its
sentence, an outer cue for a quotation inside a reported clause, an "according to" outlet, or a
label before a colon."""

from __future__ import annotations

import re

from quotes.extract.before_cue import (
    subject_before,
)
from quotes.extract.cue_subjects import (
    SOURCE_CUES,
)
from quotes.extract.cues import (
    AS_SAYING,
    INDIRECT_VERBS,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    MAX_NAME_WORDS,
    Mention,
    last_visible_at,
)
from quotes.extract.outlets import lookup_outlet
from quotes.extract.quotemarks import QuoteSpan
from quotes.extract.relay_choice import RELAYING
from quotes.extract.state import (
    Cue,
    Speaker,
)
from quotes.extract.subjects import subject_after

_NOT_QUOTING = frozenset({"show", "shows", "showed", "cast", "casts", "call"})


def choose_cue(
    text: str, quote: QuoteSpan, cues: list[Cue], lo: int
) -> tuple[Cue | None, str, float]:
    with_subject = [c for c in cues if c.mention is not None and c.verb not in _NOT_QUOTING]
    adjacent = None
    for cue in with_subject:
        if cue.start >= quote.mark_end:
            assert cue.mention is not None
            first = (
                min(cue.start, cue.mention.start)
                if cue.mention.start >= quote.mark_end
                else cue.start
            )
            gap = text[quote.mark_end : first]
            if (
                len(gap) <= 4
                and gap.strip(" ,—–-\u00a0") == ""
                and not _object_participle(text, quote, cue, gap)
            ):
                adjacent = _quoted_one(text, cues, cue)
            break
    before = [c for c in with_subject if c.end <= quote.mark_start]
    people_before = [c for c in before if c.mention is not None and c.mention.kind != "outlet"]
    named_before = [c for c in people_before if c.mention and c.mention.kind in _NAMED_KINDS]
    if (
        adjacent is not None
        and people_before
        and (
            _introduces(text, people_before[-1], quote)
            or _in_opening_clause(text, quote, people_before[-1], lo)
        )
    ):
        return people_before[-1], "cue-then-quote", 0.85  # "what Mr. Hedge called “...,” the club"
    if adjacent is not None:
        assert adjacent.mention is not None
        if people_before and adjacent.mention.kind == "outlet":
            return people_before[-1], "cue-before-relay-after", 0.8
        if adjacent.verb in SOURCE_CUES and named_before:
            return named_before[-1], "cue-before-relay-after", 0.8  # "..., according to a readout"
        if _relays_the_person_before(text, adjacent, named_before):
            return named_before[-1], "cue-before-relay-after", 0.8
        return adjacent, "quote-then-cue", 0.9
    if before:
        nearest = before[-1]
        speech = [c for c in before if c.verb not in lexicon().belief_verbs]
        if nearest.verb in lexicon().belief_verbs and speech:
            nearest = speech[-1]
        outer = _outer_cue(text, quote, before, nearest)
        if outer is not None:
            return outer, "cue-then-quote-outer", 0.7
        return (
            nearest,
            "cue-then-quote",
            0.85 if text[nearest.end : quote.mark_start].strip(" :,") == "" else 0.75,
        )
    after = [c for c in with_subject if c.start >= quote.mark_end]
    if after:  # one or two words with a cue further on are a scare quote as often as not
        short = len(text[quote.start : quote.end].split()) <= 2
        return after[0], "cue-later-in-sentence", 0.3 if short else 0.6
    return None, "", 0.0


_QUOTING = frozenset({"quoted", "cited"})


_QUOTING_AFTER = re.compile(r",\s+(quoting|citing)\s+")

_QUOTED_KINDS = frozenset({"person", "description", "organisation", "plural"})


def _quoted_one(text: str, cues: list[Cue], cue: Cue) -> Cue:
    """ "“...,” Tass quoted Shoigu as saying", "“...,” reported AFP, quoting a diplomat": the cue
    right after the quotation is the outlet's, but the words are those of the one it quoted
    (for "as saying", the speaker `cues` gave that cue); the outlet is then the relay."""
    if cue.mention is not None and cue.mention.kind == "outlet":
        quoting = _QUOTING_AFTER.match(text, max(cue.end, cue.mention.end))
        if quoting is not None:  # "..., reported AFP, quoting a Western diplomat"
            quoted = subject_after(text, quoting.end(), quoting.end() + 120)
            if quoted is not None and quoted.kind in _QUOTED_KINDS:
                return Cue(quoting.start(1), quoting.end(1), quoting.group(1), quoted)
    if cue.verb not in _QUOTING:
        return cue
    following = next((c for c in cues if c.start > cue.end), None)
    if (
        following is not None
        and following.verb in AS_SAYING
        and following.mention is not None
        and following.mention.start > cue.end
    ):
        return following
    return cue


def _object_participle(text: str, quote: QuoteSpan, cue: Cue, gap: str) -> bool:
    """ "He said the bloc had spent “far too long” arguing": a participle right after a quotation
    with no comma on either side of the closing mark goes on the reporter's sentence; it does
    not attribute the quotation (not "“We are ready,” adding that ...")."""
    if not cue.verb.endswith("ing") or "," in gap or "—" in gap:
        return False
    return not text[quote.start : quote.end].rstrip().endswith(",")


_NAMED_KINDS = frozenset({"person", "organisation"})


def _relays_the_person_before(text: str, adjacent: Cue, named_before: list[Cue]) -> bool:
    """ "Dong said the militaries would “jointly oppose hegemonism”, China’s defence ministry
    said in a statement", "Xi said ... “...”, the state news agency reported": a body reporting
    after a person's own cue relays the person's words."""
    assert adjacent.mention is not None
    if not named_before or named_before[-1].mention is None:
        return False
    if named_before[-1].mention.kind != "person" or adjacent.mention.kind == "person":
        return False
    return adjacent.verb in ("reported", "reports") or (
        RELAYING.match(text, adjacent.end) is not None
    )


def _introduces(text: str, cue: Cue, quote: QuoteSpan) -> bool:
    """The cue runs straight into the quotation, nothing but space between them."""
    return cue.end < quote.mark_start and text[cue.end : quote.mark_start].isspace()


_OPENING_CLAUSE = re.compile(r"\W*(?:When|After|Before|Since|Because|Once|Until|Whenever)\s")


def _in_opening_clause(text: str, quote: QuoteSpan, cue: Cue, lo: int) -> bool:
    """ "When someone in the audience shouted, “Cruz,” Beck joked": the quotation closes an
    opening clause with its own cue; the main clause's verb after it is about something else."""
    if _OPENING_CLAUSE.match(text, lo, cue.start) is None or "," in text[lo : cue.start]:
        return False
    if "," in text[cue.end : quote.mark_start].rstrip().rstrip(","):
        return False  # "When Sanders said ..., he “grabbed ...”": the main clause has begun
    comma_inside = text[quote.start : quote.end].rstrip().endswith(",")
    return comma_inside or text[quote.mark_end : quote.mark_end + 2].lstrip().startswith(",")


_OUTER_KINDS = frozenset({"person", "pronoun", "organisation", "plural"})

_OUTER_VERBS = INDIRECT_VERBS - {"according", "believes", "believe", "believed", "think", "thinks"}

_OUTER_VERBS -= {"thought", "hopes", "hoped", "expects", "expected", "fears", "feared", "knows"}

_DIRECT_WORDS = re.compile(r"\W*(?:that\W*)?$")

# "said his government would respond “overwhelmingly”": speech only promised or supposed is
# no report of it; the words are the outer speaker's.
_MODAL_BEFORE = re.compile(r"\b(?:would|will|could|should|might|may|must|to)\s+$")


def _outer_cue(text: str, quote: QuoteSpan, before: list[Cue], nearest: Cue) -> Cue | None:
    """ "Trump said that Romney begged him for an endorsement and “would have dropped to his
    knees”": the nearest cue sits inside what an earlier speaker said, and does not itself
    introduce the quotation, so the quotation is the earlier speaker's."""
    hypothetical = _MODAL_BEFORE.search(text, max(0, nearest.start - 12), nearest.start)
    if hypothetical is None and _DIRECT_WORDS.match(text, nearest.end, quote.mark_start):
        return None  # "... in which Adelson said: “...”": the nearest cue introduces it
    assert nearest.mention is not None
    for cue in before:
        if cue is nearest or cue.mention is None:
            continue
        if cue.mention.kind not in _OUTER_KINDS or cue.verb not in _OUTER_VERBS:
            continue
        if cue.mention.text.lower() == "it":
            return None  # "It [the statement] said Wang called for “...”": Wang's words, relayed
        nested = cue.end <= nearest.mention.start and cue.mention.end <= cue.start
        if nested and _complement_opens(text[cue.end : nearest.mention.start]):
            return cue
        return None
    return None


_CLAUSE_BREAK = re.compile(r"[,;:()“”\"«»—–]|''|``")

_SUBORDINATORS = frozenset(
    """after before when while as because since if although though until unless whereas once
    where how why what whether""".split()
)


def _complement_opens(between: str) -> bool:
    """The words between a reporting verb and a later subject open what was said: "said (that)
    Romney", "said he expected that Americans"; not "tweeted after Clinton", nor a new clause
    after a comma or a quotation."""
    if _CLAUSE_BREAK.search(between):
        return False
    words = between.split()
    if words[:1] == ["that"]:
        return True
    return len(words) <= 4 and not any(w.lower() in _SUBORDINATORS for w in words)


SUBJECT_KINDS = frozenset({"person", "pronoun", "organisation", "plural"})

SUBJECT_KINDS_AFTER_COLON = SUBJECT_KINDS | {"outlet", "description"}

_ACCORDING_TO_LEAD = re.compile(r"\s*[Aa]ccording to ([^,;:]{2,60}),\s*$")


def according_to_outlet(text: str, lo: int, mark_start: int) -> Speaker | None:
    """ "According to the Daily Caller, “...”": with nobody else named, the outlet is the source."""
    match = _ACCORDING_TO_LEAD.fullmatch(text, lo, mark_start)
    if match is None:
        return None
    outlet = lookup_outlet(match.group(1).strip())
    if outlet is None:
        return None
    return Speaker(outlet.name, "outlet", None, match.group(1).strip())


def leading_label(text: str, lo: int, mark_start: int) -> Mention | None:
    """ "Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP": a sentence (a headline,
    mostly) that opens with a name and a colon gives the words after the colon to that name;
    so does one that opens with a name and what it is on ("Gillibrand on Hillary’s Speech
    Transcripts: ‘I Think She Will’")."""
    colon = text.find(": ", lo, min(mark_start, lo + 142))  # within 140 characters of lo
    if colon < 0:
        return None
    start = lo + len(text[lo:colon]) - len(text[lo:colon].lstrip())
    mention = subject_before(text, lo, colon) if colon - lo <= 60 else None
    if mention is not None and mention.start == start and _names_label(mention):
        return mention
    on = text.find(" on ", start, colon)
    mention = subject_before(text, lo, on) if on > start else None
    if mention is None or mention.start != start or mention.kind != "person":
        return None
    return mention


def _names_label(mention: Mention) -> bool:
    """A speaker label names a person or body ("Dana Perl:"), or people by name ("Mark Blumenthal
    and Jon Cohen:"); not a headline's run of capitalised words ("Veto Power Impedes Peace
    Efforts:"), longer than any name."""
    if mention.kind == "person":
        return len((mention.name or mention.text).split()) <= MAX_NAME_WORDS
    if mention.kind == "organisation":
        return True
    return mention.kind == "plural" and " and " in (mention.name or "")


def _colon_before(text: str, lo: int, mark_start: int) -> int:
    """Where the colon that opens a quotation at `mark_start` stands, white space aside (-1:
    no colon before it)."""
    at = last_visible_at(text, lo, mark_start)
    return at if at >= 0 and text[at] == ":" else -1


def named_before_colon(text: str, lo: int, mark_start: int) -> Mention | None:
    """ "... doesn't surprise Republican pollster Daron Shaw: “...”", "that of retired Gen.
    Michael Hayden: “...”": a person named in full (or by title) right before the colon that
    opens the quotation, at the end of a sentence with no reporting verb, is its speaker."""
    colon = _colon_before(text, lo, mark_start)
    if colon < 0:
        return None
    mention = subject_before(text, max(lo, colon - 120), colon)
    if mention is None or mention.kind != "person" or mention.end != colon:
        return None
    named = len((mention.name or "").split()) >= 2 or bool(mention.role)
    return mention if named and _names_label(mention) else None


def colon_label(text: str, lo: int, mark_start: int) -> Mention | None:
    """ "Dana Perl: “...”": a name, and nothing else, before a colon opens the quotation."""
    colon = _colon_before(text, lo, mark_start)
    if colon < 0 or colon - lo >= 120:
        return None
    label_lo = max(lo, *(text.rfind(dash, lo, colon) + len(dash) for dash in (" - ", " — ", " – ")))
    start = label_lo + len(text[label_lo:colon]) - len(text[label_lo:colon].lstrip())
    mention = subject_before(text, label_lo, colon)
    if mention is None or mention.start != start or not _names_label(mention):
        return None
    return mention
