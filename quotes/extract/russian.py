"""Russian attribution rules: who said each quotation of a Russian article, through which outlet
and when, in the house styles of TASS, RIA Novosti, Interfax and Kommersant.

Russian marks direct speech with «…» (and „…“ inside), and attributes it

* after the quotation, behind a dash: «…», — заявил пресс-секретарь президента Дмитрий Песков;
  «…», — добавил он; «…», — говорится в заявлении МИД России;
* before it, with a colon or «что»: Лавров заявил: «…»; Песков подчеркнул, что «…»;
  По словам Пескова, «…»; Как отметил Лавров, «…»;
* or not at all, when the quotation continues the previous speaker's words.

Reported claims without quote marks: «X заявил, что …», «По словам X, …», «Как отметил X, …»
and «…, заявил X». Relays are outlets named in the attribution: «передает ТАСС», «сообщил
Интерфаксу», «в интервью РИА Новости», «сообщили ТАСС в пресс-службе Кремля»; the dateline
(«МОСКВА, 21 февраля. /ТАСС/.») names the publisher and is skipped. Dates: «во вторник»,
«21 февраля», «накануне». Names are brought to the nominative (`russian_names`): «по словам
Пескова» is Песков, the full name and role of his first mention in the article.

Limits: rules, not a model; a claim runs from «что» (or the comma after the speaker) to the end of
its sentence; an unnamed speaker («источник в Кремле») is left unattributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from quotes.extract.cleaning import split_paragraphs
from quotes.extract.quotemarks import QuoteSpan
from quotes.extract.russian_names import name_word, person_name, russian_lexicon
from quotes.records import Quotation, QuoteKind, SpeakerKind

_WORD = re.compile(r"[^\W_][\w\-]*")
_BOUNDARY = re.compile(r"[,.;:!?«»„“”\"]|\s[—–-]\s|^[—–-]\s|\s[—–-]$")
_SENTENCE_END = re.compile(r"(?<!\b[А-ЯЁA-Z])(?<![\s(][а-яё])[.!?…]+(?=\s+[«„\"А-ЯЁA-Z—–-]|\s*$)")
_DATELINE = re.compile(
    r"[А-ЯЁ][А-ЯЁа-яё\- ]{1,40}[,.]\s+\d{1,2}\s+[а-яё]{3,8}\.?(?:\s+\d{4}\s*(?:г\.)?)?\s*"
    r"(?:/[^/\n]{1,20}/\.?|\.\s*INTERFAX\.RU\s*[-–—]|[-–—]\s*[^.\n]{1,20}\.)\s*"
)
_ROLE_BREAK = re.compile(r"[,.;:!?]|\s[—–-]\s")  # a role may name a body in quote marks
_DASH_AFTER = re.compile(r"[,!?…]*\s*[—–-]\s+")
_CLAIM_THAT = re.compile(r",\s+(?:что|будто)\s+")


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    kind: SpeakerKind
    role: str | None
    text: str
    gender: str = ""


@dataclass(slots=True)
class _Article:
    text: str
    published: date | None
    people: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)
    last: _Speaker | None = None
    last_paragraph: int = -10
    last_via: tuple[str, str] | None = None
    pending: tuple[int, int, int] | None = None  # a sentence without attribution: index, bounds
    by_gender: dict[str, _Speaker] = field(default_factory=dict)
    results: list[Quotation] = field(default_factory=list)


def extract_russian(text: str, published: date | None = None) -> list[Quotation]:
    """Every quotation and claim of a Russian article, in order; never raises on any text."""
    article = _Article(text, published)
    paragraphs = [p for p in split_paragraphs(text) if p.is_content]
    for index, paragraph in enumerate(paragraphs):
        start = paragraph.start
        if index == 0:
            dateline = _DATELINE.match(text, start, paragraph.end)
            start = dateline.end() if dateline else start
        _register_people(article, start, paragraph.end)
    for index, paragraph in enumerate(paragraphs):
        start = paragraph.start
        if index == 0:
            dateline = _DATELINE.match(text, start, paragraph.end)
            start = dateline.end() if dateline else start
        _paragraph(article, index, start, paragraph.end)
    return article.results


# --- Names ------------------------------------------------------------------------------------


def _words(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, lo, hi))


_CASE_ENDINGS = ("", "а", "у", "ым", "ой", "е")


def _known_surname(word: str, people: dict[str, tuple[str, str | None, str]]) -> bool:
    """A surname the article gave with a first name before («Рябков», which the dictionaries
    only know as a plural noun)."""
    return _surname_entry(word, people) is not None


def _surname_entry(
    word: str, people: dict[str, tuple[str, str | None, str]]
) -> tuple[str, str | None, str] | None:
    """The full name the article gave a surname written in some case (госпожа Набиуллина)."""
    lowered = word.lower()
    for ending in _CASE_ENDINGS:
        if lowered.endswith(ending):
            entry = people.get(lowered[: len(lowered) - len(ending)])
            if entry is not None:
                return entry
    return None


def _name_runs(
    words: list[re.Match[str]], people: dict[str, tuple[str, str | None, str]]
) -> list[tuple[int, int]]:
    """Index ranges of consecutive words that are parts of personal names."""
    runs, begin = [], -1
    for i, word in enumerate([*words, None]):
        is_name = word is not None and (
            name_word(word[0], begin >= 0) is not None or _known_surname(word[0], people)
        )
        if is_name and begin < 0:
            begin = i
        elif not is_name and begin >= 0:
            runs.append((begin, i))
            begin = -1
    return runs


def _role_before(text: str, words: list[re.Match[str]], begin: int) -> str | None:
    """The title words right before a name («пресс-секретарь президента РФ»)."""
    titles = russian_lexicon().title_words
    first = begin
    for i in range(begin - 1, max(-1, begin - 8), -1):
        word = words[i][0]
        if word.lower() in titles:
            first = i
        elif not (word[0].isupper() or word.islower()):
            break
        if _ROLE_BREAK.search(text, words[i].end(), words[i + 1].start()):
            break
    if first == begin:
        return None
    role_end = words[begin - 1].end()
    if text[role_end : role_end + 1] in ("»", "”", '"') and role_end < words[begin].start():
        role_end += 1  # глава «Газпрома»
    role = text[words[first].start() : role_end]
    return role[0].lower() + role[1:]


def _register_people(article: _Article, lo: int, hi: int) -> None:
    """Full names (two words or more) and their roles, under their surname."""
    text = article.text
    quoted = [(q.mark_start, q.mark_end) for q in _quotations(text, lo, hi)]
    words = _words(text, lo, hi)
    next_quote = 0
    for begin, end in _name_runs(words, {}):
        at = words[begin].start()
        while next_quote < len(quoted) and quoted[next_quote][1] <= at:
            next_quote += 1  # runs and quotations are in text order: one pass over both
        inside = next_quote < len(quoted) and quoted[next_quote][0] <= at
        if end - begin >= 2 and not inside:
            _register(article, words, begin, end)


def _register(article: _Article, words: list[re.Match[str]], begin: int, end: int) -> None:
    name, gender = person_name([w[0] for w in words[begin:end]])
    surname = name.split()[-1].lower()
    role = _role_before(article.text, words, begin)
    known = article.people.get(surname)
    if known is None or (known[1] is None and role is not None):
        article.people[surname] = (name, role or (known[1] if known else None), gender)


def _person(article: _Article, words: list[re.Match[str]], begin: int, end: int) -> _Speaker:
    text = article.text
    name, gender = person_name([w[0] for w in words[begin:end]])
    role = _role_before(text, words, begin)
    known = article.people.get(name.split()[-1].lower())
    if known is None and end - begin == 1:
        known = _surname_entry(words[begin][0], article.people)
    if known is not None and (end - begin == 1 or known[0] == name):
        name, role, gender = known[0], role or known[1], known[2] or gender
    shown = text[words[begin].start() : words[end - 1].end()]
    return _Speaker(name, "person", role, shown, gender)


def _speaker_in(article: _Article, lo: int, hi: int, gender: str = "") -> _Speaker | None:
    """The speaker a clause names: a pronoun, a person (with role) or a body; `gender` is the
    verb's («сказала»: "f"), for a description («сказала дипломат»)."""
    text = article.text
    lexicon = russian_lexicon()
    words = _words(text, lo, hi)
    if not words:
        return None
    pronoun = lexicon.pronouns.get(words[0][0].lower())
    if pronoun is not None:
        return _pronoun(article, pronoun)
    runs = _name_runs(words, article.people)
    if runs:
        return _person(article, words, *runs[0])
    lowered = [w[0].lower() for w in words]
    if any(word in lexicon.unnamed_words for word in lowered):
        return None
    title = next((word for word in lowered[:3] if word in lexicon.title_words), None)
    if title is not None:
        return _described(article, title, text[lo:hi].strip(), gender)
    organisation = _phrase_in(text, lo, hi, lexicon.organisations)
    if organisation is not None:
        return _Speaker(organisation[0], "organisation", None, organisation[1])
    return None


def _pronoun(article: _Article, gender: str) -> _Speaker | None:
    """«он», «она», «по его словам»: the last speaker of that gender, else the last one."""
    return article.by_gender.get(gender, article.last)


def _about_this(article: _Article, index: int, lo: int, end: int) -> None:
    """«…. Об этом заявил Песков»: the sentence before, which had no attribution, is his."""
    assert article.pending is not None
    pending_index, claim_lo, claim_end = article.pending
    words = _words(article.text, lo, end)
    verb = next((w for w in words if _cue_at(article.text, w[0])), None)
    if verb is None or pending_index != index:
        return
    speaker = _speaker_in(article, verb.end(), end) or _speaker_in(article, lo, verb.start())
    if speaker is not None:
        via = _via(article, lo, end)
        _record(
            article, index, claim_lo, claim_end, "indirect", speaker, verb[0], via, "about-this",
            (lo, end),
        )  # fmt: skip
        article.results.sort(key=lambda q: q.start)


def _described(article: _Article, title: str, shown: str, gender: str) -> _Speaker | None:
    """«добавил министр», «по словам дипломата»: the one person of the article whose role has
    this title, else the last person who spoke."""
    stem = title[:5]
    fitting = {
        name: (role, gender)
        for name, role, gender in article.people.values()
        if role and any(word[:5] == stem for word in role.lower().split())
    }
    if len(fitting) == 1:
        name, (role, gender) = next(iter(fitting.items()))
        return _Speaker(name, "person", role, shown, gender)
    last = article.by_gender.get(gender) if gender in ("m", "f") else article.last
    if last is None or last.kind != "person":
        return None
    return _Speaker(last.name, "person", last.role, shown, last.gender)


def _verb_gender(verb: str) -> str:
    """The gender a past-tense verb shows: «заявила» "f", «заявил» "m", otherwise ""."""
    lowered = verb.lower()
    if lowered.endswith(("ла", "лась")):
        return "f"
    if lowered.endswith(("л", "лся")):
        return "m"
    return ""


def _phrase_in(text: str, lo: int, hi: int, phrases: dict[str, str]) -> tuple[str, str] | None:
    """The first of `phrases` (the longest at a place) in text[lo:hi]: (its name, as written)."""
    best: tuple[int, int, str] | None = None
    segment = text[lo:hi]
    for phrase, name in phrases.items():
        at = segment.find(phrase)
        while at >= 0:
            before = segment[at - 1] if at > 0 else " "
            after_at = at + len(phrase)
            after = segment[after_at] if after_at < len(segment) else " "
            if not before.isalnum() and not after.isalnum():
                if best is None or (at, -len(phrase)) < (best[0], -best[1]):
                    best = (at, len(phrase), name)
                break
            at = segment.find(phrase, at + 1)
    if best is None:
        return None
    return best[2], segment[best[0] : best[0] + best[1]]


# --- Paragraphs -------------------------------------------------------------------------------


_RUSSIAN_MARK = re.compile('[«»„“”"]')


def _find_quotes(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """The outermost quoted stretches of a Russian paragraph: «…» (which may hold «…» or „…“),
    „…“, “…”, or straight "…" (which may hold «…»). One pass over the marks."""
    spans: list[QuoteSpan] = []
    opener, depth, start = "", 0, lo
    for match in _RUSSIAN_MARK.finditer(text, lo, hi):
        mark, at = match[0], match.start()
        if not opener:
            if mark in '«„“"':
                opener, depth, start = mark, 1, at
            continue
        if opener == '"':
            if mark == '"':
                spans.append(QuoteSpan(start + 1, at, start, at + 1, True, "double"))
                opener = ""
            continue
        if opener == "«" and mark == "«":
            depth += 1
        elif (
            (opener == "«" and mark == "»")
            or (opener == "„" and mark in "“”")
            or (opener == "“" and mark == "”")
        ):
            depth -= 1
            if depth == 0:
                spans.append(QuoteSpan(start + 1, at, start, at + 1, True, "double"))
                opener = ""
    if opener:
        spans.append(QuoteSpan(start + 1, hi, start, hi, False, "double"))
    return spans


def _quotations(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """The quoted stretches of a paragraph that are quotations, not names in quote marks
    («Газпром», «Группа двадцати», “Ъ”): a name is three words or fewer, opens with a capital,
    ends without a stop and has no attribution after it."""
    found = []
    for quote in _find_quotes(text, lo, hi):
        words = text[quote.start : quote.end].split()
        is_name = (
            0 < len(words) <= 3
            and words[0][0].isupper()
            and words[-1][-1] not in ".!?…"
            and quote.mark_start > lo
            and not text[lo : quote.mark_start].rstrip().endswith(":")
            and _DASH_AFTER.match(text, quote.mark_end, hi) is None
        )
        if not is_name:
            found.append(quote)
    return found


def _outside_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans, at = [], lo
    for quote in _find_quotes(text, lo, hi):
        spans.append((at, quote.mark_start))
        at = quote.mark_end
    spans.append((at, hi))
    return [(a, b) for a, b in spans if b > a]


def _sentence_bounds(text: str, lo: int, hi: int, quotes: list[QuoteSpan]) -> list[int]:
    """Offsets where sentences end in text[lo:hi], never inside a quotation."""
    ends: list[int] = []
    for a, b in _outside_quotes(text, lo, hi):
        ends.extend(m.end() for m in _SENTENCE_END.finditer(text, a, b))
    return sorted(set(ends))


def _paragraph(article: _Article, index: int, lo: int, hi: int) -> None:
    text = article.text
    quotes = _quotations(text, lo, hi)
    ends = _sentence_bounds(text, lo, hi, quotes)
    sentence_lo, first = lo, 0
    for sentence_hi in [*ends, hi]:
        if sentence_hi <= sentence_lo:
            continue
        while first < len(quotes) and quotes[first].mark_start < sentence_lo:
            first += 1  # quotations and sentences are in text order: one pass over both
        after = first
        while after < len(quotes) and quotes[after].mark_start < sentence_hi:
            after += 1
        inside = quotes[first:after]
        if inside:
            for number, quote in enumerate(inside):
                following = inside[number + 1].mark_start if number + 1 < len(inside) else None
                previous = inside[number - 1].mark_end if number else sentence_lo
                _quotation(article, index, quote, previous, following, sentence_hi, lo)
        else:
            before = len(article.results)
            _claim(article, index, sentence_lo, sentence_hi)
            end = sentence_hi
            while end > sentence_lo and text[end - 1] in ".!?… ":
                end -= 1
            unattributed = len(article.results) == before
            article.pending = (index, sentence_lo, end) if unattributed else None
        if inside:
            article.pending = None
        sentence_lo = sentence_hi
        while sentence_lo < hi and text[sentence_lo].isspace():
            sentence_lo += 1


def _cue_at(text: str, word: str) -> bool:
    lexicon = russian_lexicon()
    lowered = word.lower()
    return lowered in lexicon.speech_verbs or lowered in lexicon.naming_verbs


def _clause_end(text: str, lo: int, hi: int) -> int:
    boundary = _BOUNDARY.search(text, lo, hi)
    return boundary.start() if boundary else hi


def _clause_start(text: str, lo: int, hi: int) -> int:
    start = lo
    for boundary in _BOUNDARY.finditer(text, lo, hi):
        start = boundary.end()
    return start


def _after_cue(article: _Article, lo: int, hi: int) -> tuple[_Speaker | None, str | None]:
    """The speaker of an attribution that follows a quotation's dash («— заявил Песков»)."""
    text = article.text
    end = _clause_end(text, lo, hi)
    words = _words(text, lo, end)
    for i, word in enumerate(words[:6]):
        if _cue_at(text, word[0]):
            speaker = _speaker_in(article, word.end(), end, _verb_gender(word[0]))
            if speaker is None and i:
                speaker = _speaker_in(article, lo, word.start())
            return speaker, word[0]
    return None, None


def _before_cue(article: _Article, lo: int, hi: int) -> tuple[_Speaker | None, str | None]:
    """The speaker of an attribution before a quotation («Лавров заявил:», «По словам X,»)."""
    text = article.text
    lexicon = russian_lexicon()
    lowered = text[lo:hi].lower()
    for phrase, gender in lexicon.pronoun_according_to.items():
        if phrase in lowered:
            return _pronoun(article, gender), phrase
    for phrase in lexicon.according_to:
        at = lowered.rfind(phrase)
        if at >= 0 and (at == 0 or not lowered[at - 1].isalnum()):
            start = lo + at + len(phrase)
            return _speaker_in(article, start, _clause_end(text, start, hi)), phrase
    words = _words(text, lo, hi)
    for i in range(len(words) - 1, -1, -1):
        if not _cue_at(text, words[i][0]):
            continue
        verb = words[i]
        gender = _verb_gender(verb[0])
        after_end = _clause_end(text, verb.end(), hi)
        # The subject before the verb first (Захарова назвала заявления Макрона «…»), then the
        # inverted order (заявил Лавров: «…»), then the sentence's opening.
        speaker = _speaker_in(
            article, _clause_start(text, lo, verb.start()), verb.start(), gender
        ) or _speaker_in(article, verb.end(), after_end, gender)
        if speaker is None:
            speaker = _speaker_in(article, lo, verb.start(), gender)
        return speaker, verb[0]
    return None, None


def _via(article: _Article, lo: int, hi: int) -> tuple[str, str] | None:
    """The outlet an attribution names («передает ТАСС», «сообщил Интерфаксу»)."""
    return _phrase_in(article.text, lo, hi, russian_lexicon().outlets)


def _quotation(
    article: _Article,
    index: int,
    quote: QuoteSpan,
    previous: int,
    following: int | None,
    sentence_hi: int,
    paragraph_lo: int,
) -> None:
    text = article.text
    limit = following if following is not None else sentence_hi
    dash = _DASH_AFTER.match(text, quote.mark_end, limit)
    speaker, cue, rule, attribution = None, None, "unattributed", (previous, quote.mark_start)
    if dash is not None:
        speaker, cue = _after_cue(article, dash.end(), limit)
        rule, attribution = "dash-after", (dash.end(), limit)
    if speaker is None:
        speaker, cue = _before_cue(article, previous, quote.mark_start)
        rule, attribution = "cue-before", (previous, quote.mark_start)
    via = _via(article, *attribution) if speaker is not None else None
    opens = not text[previous : quote.mark_start].strip(" —–-")
    if speaker is None and opens and index - article.last_paragraph <= 1:
        speaker, rule, via = article.last, "continues-previous", article.last_via
    kind = _kind(text, quote, previous, limit)
    _record(article, index, quote.start, quote.end, kind, speaker, cue, via, rule, attribution)


def _kind(text: str, quote: QuoteSpan, previous: int, limit: int) -> QuoteKind:
    before = text[previous : quote.mark_start].rstrip()
    after = text[quote.mark_end : limit]
    opens = not before or before.endswith((":", "—", "–", "."))
    closes = _DASH_AFTER.match(after) is not None or not after.strip(" .!?…")
    return "direct" if opens and closes else "partial"


def _claim(article: _Article, index: int, lo: int, hi: int) -> None:
    """A reported claim in a sentence without quote marks."""
    text = article.text
    lexicon = russian_lexicon()
    end = hi
    while end > lo and text[end - 1] in ".!?… ":
        end -= 1
    lowered = text[lo:end].lower()
    for phrase, gender in lexicon.pronoun_according_to.items():
        if lowered.startswith(phrase + ","):
            claim_lo = lo + len(phrase) + 2
            _record(
                article, index, claim_lo, end, "indirect", _pronoun(article, gender), phrase,
                None, "according-to", (lo, claim_lo),
            )  # fmt: skip
            return
    if lowered.startswith("об этом ") and article.pending is not None:
        _about_this(article, index, lo, end)
        return
    for phrase in lexicon.according_to:
        if lowered.startswith(phrase) and phrase.startswith(("по словам", "как ")):
            speaker_end = _clause_end(text, lo + len(phrase), end)
            speaker = _speaker_in(article, lo + len(phrase), speaker_end)
            claim_lo = speaker_end + 1
            while claim_lo < end and text[claim_lo].isspace():
                claim_lo += 1
            if speaker is not None and end - claim_lo > 10:
                via = _via(article, lo, speaker_end)
                _record(
                    article, index, claim_lo, end, "indirect", speaker, phrase, via,
                    "according-to", (lo, speaker_end),
                )  # fmt: skip
            return
    that = _CLAIM_THAT.search(text, lo, end)
    if that is not None:
        speaker, cue = _before_cue(article, lo, that.start())
        if speaker is not None and cue is not None and end - that.end() > 10:
            via = _via(article, lo, that.start())
            _record(
                article, index, that.end(), end, "indirect", speaker, cue, via, "claim-that",
                (lo, that.start()),
            )  # fmt: skip
        return
    _claim_then_cue(article, index, lo, end)


def _claim_then_cue(article: _Article, index: int, lo: int, end: int) -> None:
    """«Россия готова к переговорам, заявил Лавров»: the claim before a closing cue."""
    text = article.text
    comma = text.find(", ", lo + 15, end)
    verb = None
    while comma >= 0:  # the first word after each comma only: linear in the sentence
        verb = _WORD.match(text, comma + 2, end)
        if verb is not None and _cue_at(text, verb[0]):
            break
        comma = text.find(", ", comma + 2, end)
    if comma < 0 or verb is None or len(_words(text, verb.end(), end)) > 13:
        return
    speaker = _speaker_in(article, verb.end(), end)
    if speaker is None:
        return
    via = _via(article, comma, end)
    _record(article, index, lo, comma, "indirect", speaker, verb[0], via, "claim-then-cue",
            (comma, end))  # fmt: skip


def _record(
    article: _Article,
    index: int,
    start: int,
    end: int,
    kind: QuoteKind,
    speaker: _Speaker | None,
    cue: str | None,
    via: tuple[str, str] | None,
    rule: str,
    attribution: tuple[int, int],
) -> None:
    text = article.text
    when = _said_on(text, *attribution, article.published) if speaker is not None else None
    if speaker is None:
        rule, cue, via = "unattributed", None, None
    article.results.append(
        Quotation(
            start=start,
            end=end,
            text=text[start:end],
            kind=kind,
            speaker=speaker.name if speaker else None,
            speaker_kind=speaker.kind if speaker else None,
            role=speaker.role if speaker else None,
            speaker_text=speaker.text if speaker else None,
            cue=cue,
            via=via[0] if via else None,
            via_text=via[1] if via else None,
            said_on=when,
            paragraph=index,
            confidence=0.7 if speaker else 0.1,
            rule=rule,
        )
    )
    if speaker is not None:
        article.last, article.last_paragraph, article.last_via = speaker, index, via
        if speaker.kind == "person" and speaker.gender:
            article.by_gender[speaker.gender] = speaker


# --- Dates ------------------------------------------------------------------------------------

_WRITTEN_DATE = re.compile(r"\b(\d{1,2})\s+([а-яё]{3,8})\b\.?(?:\s+(\d{4}))?")
_WEEKDAY = re.compile(
    r"\bв[о]?\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b"
)
_RELATIVE = re.compile(r"\b(сегодня|вчера|накануне)\b")


def _said_on(text: str, lo: int, hi: int, published: date | None) -> date | None:
    """The day an attribution gives: «21 февраля», «во вторник», «накануне»."""
    lexicon = russian_lexicon()
    for match in _WRITTEN_DATE.finditer(text, lo, hi):
        month = lexicon.months.get(match[2].lower())
        if month is None:
            continue
        year = int(match[3]) if match[3] else published.year if published else None
        if year is None:
            return None
        day = int(match[1])
        if (
            not match[3]
            and published is not None
            and (month, day) > (published.month, published.day)
        ):
            year -= 1
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if published is None:
        return None
    weekday = _WEEKDAY.search(text, lo, hi)
    if weekday is not None:
        back = (published.weekday() - lexicon.weekdays[weekday[1]]) % 7
        return published - timedelta(days=back)
    relative = _RELATIVE.search(text, lo, hi)
    if relative is not None:
        return published - timedelta(days=lexicon.relative_days[relative[1]])
    return None
