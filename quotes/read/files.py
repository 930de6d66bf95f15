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
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from quotes.errors import InputError
from quotes.records import ArticleInput, ArticleMeta

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DIRECTORY_METADATA = "metadata.json"
SIDECAR_SUFFIX = ".meta.json"
_BINARY_SNIFF_BYTES = 8192
_META_FIELDS = ("outlet", "published", "title", "url")
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
"""The largest article file, or line of a JSON Lines file, that is read (`--max-size`): a
bigger one is that article's failure, never loaded whole."""
_FILE_KINDS = (
    (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A path (or line of a file) that could not be read as an article."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


ReadResult = ArticleInput | ReadProblem


def parse_date(value: Any, where: str) -> date | None:
    """An ISO date (or date-time) as a date; an impossible or malformed one is an InputError."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"{where}: 'published' must be a date like 2022-09-19, not {value!r}")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            f"{where}: impossible or malformed date {value!r} (expected YYYY-MM-DD)"
        ) from None


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


def meta_from_mapping(data: Any, where: str) -> ArticleMeta:
    """Validate a metadata object (sidecar entry or JSON line) into an ArticleMeta."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: metadata must be a JSON object")
    for key in ("outlet", "title", "url"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f"{where}: {key!r} must be a string")
        if data.get(key):
            check_text(data[key], where, repr(key))
    return ArticleMeta(
        outlet=(data.get("outlet") or None),
        published=parse_date(data.get("published"), where),
        title=(data.get("title") or None),
        url=(data.get("url") or None),
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


def metadata_for(path: Path, overrides: ArticleMeta) -> ArticleMeta:
    """The metadata of a text article: directory metadata.json, then sidecar, then overrides."""
    merged: dict[str, Any] = {}
    listing = directory_metadata(path.parent)
    if path.name in listing:
        entry = listing[path.name]
        meta_from_mapping(entry, str(path.parent / DIRECTORY_METADATA))
        merged.update({k: entry.get(k) for k in _META_FIELDS if entry.get(k) is not None})
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if sidecar.is_file():
        entry = _load_json(sidecar)
        meta_from_mapping(entry, str(sidecar))
        merged.update({k: entry.get(k) for k in _META_FIELDS if entry.get(k) is not None})
    meta = meta_from_mapping(merged, str(sidecar if sidecar.is_file() else path))
    return apply_overrides(meta, overrides)


def apply_overrides(meta: ArticleMeta, overrides: ArticleMeta) -> ArticleMeta:
    """Replace each field the caller set explicitly."""
    changes = {k: getattr(overrides, k) for k in _META_FIELDS if getattr(overrides, k) is not None}
    return replace(meta, **changes) if changes else meta


def is_metadata_file(path: Path) -> bool:
    return path.name == DIRECTORY_METADATA or path.name.endswith(SIDECAR_SUFFIX)


def is_article_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return (suffix in TEXT_SUFFIXES or suffix in JSONL_SUFFIXES) and not is_metadata_file(path)


def discover(paths: Iterable[Path]) -> Iterator[Path | ReadProblem]:
    """Article files under the given paths (directories recursively, sorted), or problems: a
    path that is missing, not a regular file (a FIFO, a device, a socket: never opened), or a
    folder that cannot be listed."""
    for path in paths:
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
        yield ReadProblem(str(folder), "no articles found (looked for .txt, .md and .jsonl files)")


def read_text_article(path: Path, overrides: ArticleMeta, max_bytes: int) -> ArticleInput:
    raw = read_capped(path, max_bytes)
    text, warnings = decode_text(raw, str(path))
    return ArticleInput(str(path), text, metadata_for(path, overrides), warnings)


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
                yield _article_from_json_line(raw, source, overrides)
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


def _article_from_json_line(raw: bytes, source: str, overrides: ArticleMeta) -> ArticleInput:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{source}: line is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: invalid JSON at column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"{source}: JSON nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{source}: each line must be an object with a 'text' string")
    if not data["text"].strip():
        raise InputError(f"{source}: empty 'text'")
    check_text(data["text"], source)
    meta = apply_overrides(meta_from_mapping(data, source), overrides)
    return ArticleInput(source, data["text"], meta)


def read_articles(
    paths: Iterable[Path],
    overrides: ArticleMeta | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadResult]:
    """Every article under `paths`, in order, with a ReadProblem for each bad path or line;
    a file (or JSON line) over `max_bytes` is a problem too."""
    overrides = overrides or ArticleMeta()
    for item in discover(paths):
        if isinstance(item, ReadProblem):
            yield item
        elif item.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl_articles(item, overrides, max_bytes)
        else:
            try:
                yield read_text_article(item, overrides, max_bytes)
            except InputError as exc:
                yield ReadProblem(str(item), str(exc).removeprefix(f"{item}: "))


def count_articles(paths: Iterable[Path]) -> int:
    """How many results `read_articles` will yield (for a progress bar): one per text file or
    problem, one per non-blank line of a JSON Lines file. Reads JSON Lines files in binary
    blocks, so it is fast and memory-bounded."""
    total = 0
    for item in discover(paths):
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
