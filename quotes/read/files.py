"""Reading: turn paths into articles (text, metadata, warnings) or one-line problems.

Pure apart from reading files. Text is decoded exactly as `Path.read_text(encoding="utf-8")`
would (universal newlines), so character offsets agree with what users and tools see.

Metadata for a text article comes from, in increasing priority:
  1. `metadata.json` in the article's directory: a JSON list of objects with a "file" key
     (or an object keyed by file name) holding any of outlet, published, title, url;
  2. a sidecar `<article file name>.meta.json` (e.g. `story.txt.meta.json`) holding one object;
  3. the caller's overrides (`--outlet`, `--published`).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from quotes.errors import InputError
from quotes.read.dates import parse_date
from quotes.read.feeds import FEED_SUFFIXES, articles_from_feed, looks_like_feed
from quotes.read.fetch import Fetcher, is_url
from quotes.read.html import HTML_SUFFIXES, article_from_html, looks_like_html
from quotes.read.problems import ReadProblem, ReadResult
from quotes.read.warc import is_warc, read_warc
from quotes.records import ArticleInput, ArticleMeta

__all__ = ["ReadProblem", "ReadResult", "count_articles", "parse_date", "read_articles"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DIRECTORY_METADATA = "metadata.json"
SIDECAR_SUFFIX = ".meta.json"
_BINARY_SNIFF_BYTES = 8192
_META_FIELDS = ("outlet", "published", "title", "url", "published_source", "language")
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
"""The largest article file, or line of a JSON Lines file, that is read (`--max-size`): a
bigger one is that article's failure, never loaded whole."""
_FILE_KINDS = (
    (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)  # fmt: skip


def check_text(text: str, where: str, what: str = "text") -> None:
    """Refuse what no database stores as text: NUL (PostgreSQL cannot, so neither backend
    does) and lone surrogates (JSON's \\ud800, which no UTF-8 encoder accepts)."""
    if (nul := text.find("\x00")) >= 0:
        raise InputError(f"{where}: {what} holds a NUL character (at character {nul}), not text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{where}: {what} holds a lone surrogate U+{ord(text[exc.start]):04X} "
            f"(at character {exc.start}), not valid Unicode"
        ) from None


KEY_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "raw_text"),
    "outlet": ("outlet", "publisher", "sitename", "site_name", "source_domain", "hostname"),
    "published": (
        "published", "date", "date_publish", "datePublished", "published_at", "pubdate",
        "publish_date",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "language": ("language", "lang"),
}  # fmt: skip
"""The keys each field is read from, first present one first: ours, then those that common
scrapers write (trafilatura: sitename, hostname, date; news-please: maintext, date_publish,
source_domain)."""


def _field(data: dict[str, Any], name: str) -> tuple[str | None, Any]:
    """The key a field was found under and its value (None, None when absent or empty)."""
    for key in KEY_ALIASES[name]:
        value = data.get(key)
        if value is not None and value != "":
            return key, value
    return None, None


def unused_keys(data: dict[str, Any]) -> list[str]:
    """The keys of a metadata object or JSON line that no field is read from."""
    known = {key for keys in KEY_ALIASES.values() for key in keys} | {"file"}
    return sorted(key for key in data if key not in known)


def meta_from_mapping(data: Any, where: str) -> ArticleMeta:
    """Validate a metadata object (sidecar entry or JSON line) into an ArticleMeta."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: metadata must be a JSON object")
    values: dict[str, Any] = {}
    for name in ("outlet", "title", "url", "language"):
        key, value = _field(data, name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: {key!r} must be a string")
        if value:
            check_text(value, where, repr(key))
        values[name] = value
    published = parse_date(_field(data, "published")[1], where)
    return ArticleMeta(
        published=published, published_source="metadata" if published else None, **values
    )


def decode_text(raw: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8 with universal newlines; fall back to cp1252/latin-1 with a warning."""
    if b"\x00" in raw[:_BINARY_SNIFF_BYTES]:
        raise InputError(f"{source}: binary file, not a text article")
    warnings: tuple[str, ...] = ()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        encoding = "cp1252"
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            encoding = "latin-1"
            text = raw.decode(encoding)
        warnings = (f"{source}: not valid UTF-8 (byte {exc.start}); decoded as {encoding}",)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{source}: empty file, no article text")
    check_text(text, source)
    return text, warnings


def _load_json(path: Path) -> Any:
    try:
        raw = read_capped(path, DEFAULT_MAX_BYTES)
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: metadata is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is (None for a regular file or a folder)."""
    return next((kind for test, kind in _FILE_KINDS if test(mode)), None)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.3g} MB"


def read_capped(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, refusing what is not a regular file before opening it, and
    a file over `max_bytes` (checked before reading and while reading, should it grow)."""
    try:
        mode = path.stat()
        if (kind := _not_regular(mode.st_mode)) is not None:
            raise InputError(f"{path}: {kind}, not a regular file: not read")
        if mode.st_size > max_bytes:
            raise InputError(_too_big(path, f"file of {mode.st_size:,} bytes", max_bytes))
        # Non-blocking, and checked again once open: a FIFO swapped in after the check above
        # neither blocks the open nor gets read.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if (kind := _not_regular(os.fstat(descriptor).st_mode)) is not None:
                raise InputError(f"{path}: {kind}, not a regular file: not read")
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(raw) > max_bytes:
        raise InputError(_too_big(path, "file", max_bytes))
    return raw


def _too_big(where: object, what: str, max_bytes: int) -> str:
    return f"{where}: {what} over the size limit of {_megabytes(max_bytes)} (see --max-size)"


def directory_metadata(directory: Path) -> dict[str, Any]:
    """The raw entries of a directory's metadata.json keyed by file name ({} when absent)."""
    path = directory / DIRECTORY_METADATA
    if not path.is_file():
        return {}
    data = _load_json(path)
    if isinstance(data, dict):
        return {str(name): entry for name, entry in data.items()}
    if isinstance(data, list):
        entries: dict[str, Any] = {}
        for entry in data:
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                raise InputError(f"{path}: each entry must be an object with a 'file' name")
            entries[entry["file"]] = entry
        return entries
    raise InputError(f"{path}: must hold a list of objects or an object keyed by file name")


def metadata_for(
    path: Path, overrides: ArticleMeta, page: ArticleMeta | None = None
) -> ArticleMeta:
    """The metadata of an article file: what its page says (HTML), then the directory's
    metadata.json, then its sidecar, then the overrides; each field from the last that has it."""
    meta = page or ArticleMeta()
    listing = directory_metadata(path.parent)
    if path.name in listing:
        entry = meta_from_mapping(listing[path.name], str(path.parent / DIRECTORY_METADATA))
        meta = apply_overrides(meta, entry)
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if sidecar.is_file():
        meta = apply_overrides(meta, meta_from_mapping(_load_json(sidecar), str(sidecar)))
    return apply_overrides(meta, overrides)


def apply_overrides(meta: ArticleMeta, overrides: ArticleMeta) -> ArticleMeta:
    """Replace each field the caller set explicitly (a date with where it came from)."""
    changes = {k: getattr(overrides, k) for k in _META_FIELDS if getattr(overrides, k) is not None}
    if "published" in changes and "published_source" not in changes:
        changes["published_source"] = "user"
    return replace(meta, **changes) if changes else meta


def is_metadata_file(path: Path) -> bool:
    return path.name == DIRECTORY_METADATA or path.name.endswith(SIDECAR_SUFFIX)


ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


def is_article_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return (suffix in ARTICLE_SUFFIXES or is_warc(path)) and not is_metadata_file(path)


def discover(paths: Iterable[Path | str]) -> Iterator[Path | str | ReadProblem]:
    """Article files under the given paths (directories recursively, sorted), URLs as given,
    or problems: a path that is missing, not a regular file (a FIFO, a device, a socket: never
    opened), or a folder that cannot be listed."""
    for given in paths:
        if isinstance(given, str) and is_url(given):
            yield given
            continue
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            missing = isinstance(exc, FileNotFoundError)
            yield ReadProblem(str(path), "no such file or directory" if missing
                              else f"cannot read ({exc.strerror})")  # fmt: skip
            continue
        if stat.S_ISDIR(mode):
            yield from _discover_folder(path)
        elif (kind := _not_regular(mode)) is not None:
            yield ReadProblem(str(path), f"{kind}, not a regular file: not read")
        else:
            yield path


def _discover_folder(folder: Path) -> Iterator[Path | ReadProblem]:
    """The article files of a folder tree in sorted order; each folder that cannot be listed
    and each article-named entry that is not a regular file is a problem."""
    problems: list[ReadProblem] = []
    found: list[Path | ReadProblem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(ReadProblem(str(exc.filename), f"cannot read folder ({exc.strerror})"))

    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            child = Path(root, name)
            if name.startswith(".") or not is_article_file(child):
                continue
            try:
                kind = _not_regular(child.stat().st_mode)
            except OSError:
                continue  # a broken link: not an article
            problem = ReadProblem(str(child), f"{kind}, not a regular file: not read")
            found.append(child if kind is None else problem)
    yield from problems
    yield from sorted(found, key=lambda item: item if isinstance(item, Path) else Path(item.source))
    if not found and not problems:
        looked = ".txt, .md, .jsonl, .html, .warc, .rss, .atom"
        yield ReadProblem(str(folder), f"no articles found (looked for {looked})")


def read_file_article(path: Path, overrides: ArticleMeta, max_bytes: int) -> ArticleInput:
    """A text or HTML article file (HTML by name or by content, whatever the name says)."""
    raw = read_capped(path, max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(raw):
        page = article_from_html(raw, str(path))
        return replace(page, meta=metadata_for(path, overrides, page.meta))
    text, warnings = decode_text(raw, str(path))
    return ArticleInput(str(path), text, metadata_for(path, overrides), warnings)


def read_url(url: str, overrides: ArticleMeta, fetcher: Fetcher) -> Iterator[ReadResult]:
    """The article at a URL, or every article of the feed there."""
    try:
        page = fetcher.fetch(url)
        if page.is_feed or (looks_like_feed(page.body) and not looks_like_html(page.body)):
            for item in articles_from_feed(page.body, url, fetcher):
                yield item if isinstance(item, ReadProblem) else _overridden(item, overrides)
            return
        yield _overridden(article_from_html(page.body, url, page.url), overrides)
    except InputError as exc:
        yield ReadProblem(url, str(exc).removeprefix(f"{url}: "))


def read_feed_file(
    path: Path, overrides: ArticleMeta, fetcher: Fetcher, max_bytes: int
) -> Iterator[ReadResult]:
    try:
        raw = read_capped(path, max_bytes)
    except InputError as exc:
        yield ReadProblem(str(path), str(exc).removeprefix(f"{path}: "))
        return
    for item in articles_from_feed(raw, str(path), fetcher):
        yield item if isinstance(item, ReadProblem) else _overridden(item, overrides)


def read_url_list(path: Path) -> list[str]:
    """The URLs of a file, one per line (blank lines and lines starting with # skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the URL list ({exc})") from None
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    for number, url in enumerate(urls, start=1):
        if not is_url(url):
            raise InputError(f"{path}: line {number}: {url!r} is not an http(s) URL")
    return urls


def _overridden(item: ArticleInput, overrides: ArticleMeta) -> ArticleInput:
    return replace(item, meta=apply_overrides(item.meta, overrides))


def read_jsonl_articles(
    path: Path, overrides: ArticleMeta, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """One article per line, streamed: memory stays bounded by `max_bytes` per line."""
    found = False
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read ({exc.strerror})")
        return
    reported: set[str] = set()
    with handle:
        for number, raw in enumerate(_capped_lines(handle, max_bytes), start=1):
            source = f"{path}:{number}"
            if raw is None:
                found = True
                yield ReadProblem(source, _too_big(source, "line", max_bytes).split(": ", 1)[1])
                continue
            if not raw.strip():
                continue
            found = True
            try:
                yield _article_from_json_line(raw, source, overrides, reported)
            except InputError as exc:
                yield ReadProblem(source, str(exc).removeprefix(f"{source}: "))
    if not found:
        yield ReadProblem(str(path), "empty file, no articles")


def _capped_lines(handle: Any, max_bytes: int) -> Iterator[bytes | None]:
    """Each line of a binary file, or None for a line over `max_bytes` (skipped unread)."""
    while line := handle.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(1024 * 1024)) and not rest.endswith(b"\n"):
            pass
        yield None


def _article_from_json_line(
    raw: bytes, source: str, overrides: ArticleMeta, reported: set[str]
) -> ArticleInput:
    """One JSON line's article; keys no field is read from are reported once per file (the
    first line that has them gets the warning; `reported` remembers them)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{source}: line is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: invalid JSON at column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"{source}: JSON nested too deeply") from None
    text = _field(data, "text")[1] if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(text, str):
        raise InputError(f"{source}: each line must be an object with a 'text' string")
    if not text.strip():
        raise InputError(f"{source}: empty 'text'")
    check_text(text, source)
    meta = apply_overrides(meta_from_mapping(data, source), overrides)
    new_keys = [key for key in unused_keys(data) if key not in reported]
    reported.update(new_keys)
    warnings = (f"{source}: keys not read: {', '.join(new_keys)}",) if new_keys else ()
    return ArticleInput(source, text, meta, warnings)


def read_articles(
    paths: Iterable[Path | str],
    overrides: ArticleMeta | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
) -> Iterator[ReadResult]:
    """Every article under `paths` (files, folders, URLs), in order, with a ReadProblem for each
    bad path, line, record or URL; a file (or JSON line) over `max_bytes` is a problem too.
    `fetcher` fetches URLs and feed entries (a polite default)."""
    overrides = overrides or ArticleMeta()
    fetcher = fetcher or Fetcher()
    for item in discover(paths):
        if isinstance(item, ReadProblem):
            yield item
        elif isinstance(item, str):
            yield from read_url(item, overrides, fetcher)
        elif item.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl_articles(item, overrides, max_bytes)
        elif is_warc(item):
            for found in read_warc(item):
                yield found if isinstance(found, ReadProblem) else _overridden(found, overrides)
        elif item.suffix.lower() in FEED_SUFFIXES:
            yield from read_feed_file(item, overrides, fetcher, max_bytes)
        else:
            try:
                yield read_file_article(item, overrides, max_bytes)
            except InputError as exc:
                yield ReadProblem(str(item), str(exc).removeprefix(f"{item}: "))


def count_articles(paths: Iterable[Path | str]) -> int | None:
    """How many results `read_articles` will yield (for a progress bar): one per text or HTML
    file or problem, one per non-blank line of a JSON Lines file; None when a web archive, feed
    or URL is among them (how many pages they hold is known only once read). Reads JSON Lines
    files in binary blocks, so it is fast and memory-bounded."""
    total = 0
    for item in discover(paths):
        if isinstance(item, str) or (
            isinstance(item, Path) and (is_warc(item) or item.suffix.lower() in FEED_SUFFIXES)
        ):
            return None
        if isinstance(item, Path) and item.suffix.lower() in JSONL_SUFFIXES:
            total += max(1, _count_nonblank_lines(item))
        else:
            total += 1
    return total


def _count_nonblank_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
