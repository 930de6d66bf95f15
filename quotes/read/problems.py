"""What reading yields besides articles: a problem naming the path, line or URL it is about."""

from __future__ import annotations

from dataclasses import dataclass

from quotes.records import ArticleInput


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A path (or line of a file, or URL) that could not be read as an article."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


ReadResult = ArticleInput | ReadProblem
