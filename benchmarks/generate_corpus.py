"""Generate a corpus of news articles with a known remark structure, streaming, any size.

    python benchmarks/generate_corpus.py OUT_DIR --quotations 1000000 [--seed 7]

writes OUT_DIR/articles.jsonl (one article a line: text, title, outlet, published, url) and
OUT_DIR/truth.jsonl (one quotation a line: article, start, end, text, speaker, speaker_is_org,
said_on, outlet, via, remark, occasion, form). Articles come in publication order.

The world: speakers (persons with an office that sometimes speaks for them), outlets (agencies
that relay, papers and broadcasters that carry), and each day new remarks. A remark is reported
by one to eight articles, each in one form: the full wording, an excerpt, a two- or three-word
fragment, an ellipsis or [bracketed] version, a re-translation (synonyms, a tense shift, a
reordered clause), credited to the person, to his office, or to nobody; reports appear up to four
days after the remark. Speakers repeat talking points: the same phrase in remarks months apart
(different remarks, same words). Vocabulary: real political words plus invented ones for the
long tail, drawn from a Zipf distribution so that common bigrams are common, as in real text.

Density stays constant (QUOTATIONS_PER_DAY), so a bigger corpus covers more days, as a bigger
archive would. Generation holds only a few days of pending reports in memory.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

QUOTATIONS_PER_DAY = 1000
START = date(2020, 1, 1)
MAX_DELAY_DAYS = 4
QUOTES_PER_ARTICLE = (3, 9)

REAL_WORDS = """
security cooperation partnership strategic economy sanctions sovereignty territory border
negotiations agreement treaty alliance defence military exercises forces troops weapons nuclear
energy supply gas oil pipeline market trade tariffs investment growth inflation budget reform
election parliament government minister president council ministry spokesman relations dialogue
pressure interference provocation escalation crisis conflict war peace ceasefire humanitarian
corridor refugees aid reconstruction infrastructure technology innovation digital cyber attack
terrorism extremism stability region international community interests priority commitment
support solidarity friendship neighbour partner ally rival threat challenge opportunity future
development prosperity people citizens workers farmers industry production exports imports
currency bank debt loan climate emissions transition coal renewable grid water food grain harvest
health pandemic vaccine hospital education school university research science space satellite
ocean maritime navy fleet port shipping route corridor railway highway airport summit visit talks
meeting statement declaration position stance concern concerns question questions issue issues
principle law justice order rules multilateralism unilateral hegemony bloc cold west east north
south global world nation nations state states country countries sovereign independent unity
integrity dignity respect trust confidence mutual common shared joint firm resolute unwavering
unconditional absolute balanced constructive pragmatic steady mature solid strong deep broad
""".split()

FUNCTION_WORDS = "the of and to in a is that for on with as our we will be this by are it".split()

TENSE_SHIFTS = {"will": "would", "is": "was", "are": "were", "can": "could", "have": "had"}

FIRST_NAMES = "Nikolai Sergey Vladimir Maria Wang Li Xi Olaf Emmanuel Joe Antony Rishi Narendra Recep Ursula Jens Kamala Dmitry Yang Qin Ebrahim Luiz Cyril Fumio Yoon Anthony Volodymyr Andrzej Viktor Giorgia".split()  # noqa: E501
SURNAMES = "Patrushev Lavrov Putin Zakharova Yi Keqiang Jinping Scholz Macron Biden Blinken Sunak Modi Erdogan Leyen Stoltenberg Harris Medvedev Jiechi Gang Raisi Lula Ramaphosa Kishida Suk-yeol Albanese Zelensky Duda Orban Meloni".split()  # noqa: E501
OFFICES = "Security Council|Foreign Ministry|Kremlin|State Council|Defence Ministry|Presidential Office|Chancellery|Elysee Palace|White House|State Department|Cabinet Office|Prime Minister's Office|Foreign Office|Government".split(  # noqa: E501
    "|"
)
COUNTRIES = "Russian Chinese German French American British Indian Turkish Japanese Korean Brazilian Ukrainian Polish Hungarian Italian".split()  # noqa: E501
AGENCIES = ["TASS", "RIA Novosti", "Interfax", "Xinhua", "Sputnik", "Reuters", "AFP",
            "Associated Press", "Bloomberg", "dpa", "Kyodo", "Yonhap", "Anadolu", "ANSA", "PTI"]  # fmt: skip  # noqa: E501
PAPERS = ["South China Morning Post", "The Guardian", "The New York Times", "Le Monde",
          "Der Spiegel", "The Washington Post", "Financial Times", "The Times of India",
          "Al Jazeera", "BBC News", "CNN", "Deutsche Welle", "France 24", "NHK World",
          "The Moscow Times", "Global Times", "Politico", "The Hindu", "El Pais", "Die Zeit"]  # fmt: skip  # noqa: E501


@dataclass(slots=True)
class Speaker:
    id: int
    name: str
    surname: str
    office: str
    phrases: list[list[str]]


@dataclass(slots=True)
class Remark:
    id: int
    speaker: Speaker
    said_on: date
    words: list[str]
    occasion: int


@dataclass(slots=True)
class Report:
    remark: Remark
    text: str
    form: str
    credit: str  # person, office, none
    via: str | None


@dataclass(slots=True)
class World:
    rng: random.Random
    vocabulary: list[str]
    cumulative: list[float]
    synonyms: dict[str, str]
    speakers: list[Speaker]
    speaker_weights: list[float]
    remark_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def word(self) -> str:
        return self.vocabulary[
            bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])
        ]


def _invented_words(rng: random.Random, count: int) -> list[str]:
    syllables = ["ka", "lo", "mir", "sen", "tor", "va", "del", "ran", "sho", "pe", "quin", "zu",
                 "bar", "nel", "tri", "os", "gat", "lum", "fe", "dro", "ski", "ven", "ha", "rix"]  # fmt: skip  # noqa: E501
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_world(seed: int) -> World:
    rng = random.Random(seed)
    invented = _invented_words(rng, 20000)
    rng.shuffle(invented)
    vocabulary = REAL_WORDS + invented  # real words are the frequent ones
    cumulative = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(vocabulary))))
    synonyms = dict(
        zip(vocabulary, _invented_words(random.Random(seed + 1), len(vocabulary)), strict=False)
    )
    speakers = []
    for i in range(2000):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}{'' if i < 30 else '-' + _invented_words(rng, 1)[0].title()}"  # noqa: E501
        office = f"{rng.choice(COUNTRIES)} {rng.choice(OFFICES)} {i}"
        speakers.append(Speaker(i + 1, name, name.split()[-1], office, []))
    world = World(rng, vocabulary, cumulative, synonyms, speakers,
                  list(itertools.accumulate(1.0 / (r + 20) for r in range(len(speakers)))))  # fmt: skip  # noqa: E501
    for speaker in speakers:
        speaker.phrases = [[world.word() for _ in range(rng.randint(2, 3))] for _ in range(3)]
    return world


def new_remark(world: World, day: date) -> Remark:
    rng = world.rng
    speaker = world.speakers[
        bisect.bisect(world.speaker_weights, rng.random() * world.speaker_weights[-1])
    ]
    words = []
    for _ in range(rng.randint(10, 32)):
        words.append(rng.choice(FUNCTION_WORDS) if rng.random() < 0.4 else world.word())
    if rng.random() < 0.3:  # a talking point this speaker repeats on other occasions
        at = rng.randrange(len(words))
        words[at:at] = rng.choice(speaker.phrases)
    words[0] = words[0].capitalize()
    return Remark(next(world.remark_ids), speaker, day, words, occasion=rng.randrange(10**9))


def report_wording(world: World, remark: Remark) -> tuple[str, str]:
    """One outlet's wording of a remark and its form."""
    rng, words = world.rng, remark.words
    roll = rng.random()
    n = len(words)
    if roll < 0.35:
        return " ".join(words) + rng.choice([".", ",", "", "!"]), "full"
    if roll < 0.55:
        start = rng.randrange(0, n - 6)
        return " ".join(words[start : start + rng.randint(5, min(12, n - start))]), "excerpt"
    if roll < 0.65:
        content = [i for i, w in enumerate(words) if w.lower() not in FUNCTION_WORDS]
        pairs = [(a, b) for a, b in itertools.pairwise(content) if b - a <= 2]
        start, end = rng.choice(pairs) if pairs else (0, 1)
        return " ".join(words[start : end + 1]), "fragment"
    if roll < 0.75:
        cut = rng.randrange(4, n - 4)
        gap = rng.randint(1, 4)
        return " ".join(words[:cut]) + " … " + " ".join(words[cut + gap :]), "ellipsis"
    if roll < 0.80:
        at = rng.randrange(1, n - 1)
        return " ".join([*words[:at], f"[{world.word()}]", *words[at + 1 :]]), "bracket"
    changed = list(words)
    for _ in range(rng.randint(1, max(1, n // 10))):
        at = rng.randrange(n)
        changed[at] = TENSE_SHIFTS.get(changed[at], world.synonyms.get(changed[at], changed[at]))
    if rng.random() < 0.3:
        half = rng.randrange(3, n - 3)
        changed = changed[half:] + changed[:half]
    return " ".join(changed), "variant"


def reports_of(world: World, remark: Remark) -> list[tuple[int, str, Report]]:
    """(delay in days, outlet, report) for every article that carries the remark."""
    rng = world.rng
    count = min(8, 1 + int(rng.expovariate(0.6)))
    agency = rng.choice(AGENCIES)
    found = []
    for outlet in rng.sample(PAPERS + AGENCIES, count):
        text, form = report_wording(world, remark)
        credit = (
            "person"
            if form == "fragment"
            else rng.choices(["person", "office", "none"], [0.8, 0.1, 0.1])[0]
        )
        via = agency if outlet not in AGENCIES and rng.random() < 0.4 else None
        delay = min(MAX_DELAY_DAYS, int(rng.expovariate(1.2)))
        found.append((delay, outlet, Report(remark, text, form, credit, via)))
    return found


def sentence(world: World, report: Report) -> tuple[str, str]:
    """A paragraph carrying the report, split around the quoted words: (before, after)."""
    rng, remark = world.rng, report.remark
    who = {"person": rng.choice([remark.speaker.name, remark.speaker.name, remark.speaker.surname]),
           "office": f"the {remark.speaker.office}", "none": "It"}[report.credit]  # fmt: skip
    via = f", according to {report.via}" if report.via else ""
    if report.form == "fragment":
        return f"{who} described the talks as “", f"”{via}."
    if report.credit == "none":
        return "“", f"” read a statement quoted in the report{via}."
    if rng.random() < 0.5:
        return f"{who} said: “", f"”{via}"
    return "“", f"” {who} said on {remark.said_on:%A}{via}."


def articles_for_day(
    world: World, day: date, reports: list[tuple[str, Report]], first_quote: int
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    by_outlet: dict[str, list[Report]] = defaultdict(list)
    for outlet, report in reports:
        by_outlet[outlet].append(report)
    for outlet in sorted(by_outlet):
        pending = by_outlet[outlet]
        world.rng.shuffle(pending)
        while pending:
            size = world.rng.randint(*QUOTES_PER_ARTICLE)
            batch, pending = pending[:size], pending[size:]
            yield build_article(world, outlet, day, batch)


def build_article(
    world: World, outlet: str, day: date, batch: list[Report]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    first = batch[0].remark
    title = f"{first.speaker.surname} on {' '.join(first.words[:5]).lower()}"
    parts = [f"{title}\n\n"]
    length = len(parts[0])
    truth = []
    for report in batch:
        before, after = sentence(world, report)
        start = length + len(before)
        parts.append(f"{before}{report.text}{after}\n\n")
        length += len(parts[-1])
        remark = report.remark
        truth.append({
            "start": start, "end": start + len(report.text), "text": report.text,
            "speaker": {"person": remark.speaker.name, "office": remark.speaker.office,
                        "none": None}[report.credit],
            "speaker_id": None if report.credit == "none" else remark.speaker.id,
            "speaker_is_org": report.credit == "office", "said_on": remark.said_on.isoformat(),
            "outlet": outlet, "via": report.via, "remark": remark.id,
            "occasion": remark.occasion, "form": report.form,
        })  # fmt: skip
    article = {"text": "".join(parts), "title": title, "outlet": outlet,
               "published": day.isoformat(),
               "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{day}/{first.id}"}  # fmt: skip  # noqa: E501
    return article, truth


def generate(quotations: int, seed: int) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Articles with the truth of their quotations, in publication order, until `quotations`."""
    world = make_world(seed)
    pending: dict[date, list[tuple[str, Report]]] = defaultdict(list)
    produced = 0
    day = START
    while produced < quotations:
        planned = 0
        while planned < QUOTATIONS_PER_DAY:
            remark = new_remark(world, day)
            for delay, outlet, report in reports_of(world, remark):
                pending[day + timedelta(days=delay)].append((outlet, report))
                planned += 1
        for article, truth in articles_for_day(world, day, pending.pop(day), produced):
            take = min(len(truth), quotations - produced)
            if take <= 0:
                return
            produced += take
            yield article, truth[:take]
        day += timedelta(days=1)


def write(out: Path, quotations: int, seed: int) -> tuple[int, int]:
    out.mkdir(parents=True, exist_ok=True)
    articles = count = 0
    with (
        open(out / "articles.jsonl", "w", encoding="utf-8") as a_file,
        open(out / "truth.jsonl", "w", encoding="utf-8") as t_file,
    ):
        for article, truth in generate(quotations, seed):
            _write_line(a_file, article)
            for record in truth:
                record["article"] = articles
                _write_line(t_file, record)
            articles += 1
            count += len(truth)
    return articles, count


def _write_line(out: TextIO, record: dict[str, Any]) -> None:
    out.write(json.dumps(record, ensure_ascii=False))
    out.write("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="Folder for articles.jsonl and truth.jsonl.")
    parser.add_argument("--quotations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    articles, count = write(args.out, args.quotations, args.seed)
    print(f"{articles} articles, {count} quotations in {args.out}")


if __name__ == "__main__":
    main()
