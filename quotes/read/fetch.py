"""Fetching pages by URL: politely, with a timeout, a size cap and one clear line per failure.

Standard library only (urllib). Redirects are followed (at most 10); a user agent names the tool;
requests go one at a time, and two requests to the same host are at least `per_host_delay`
seconds apart. A 4xx/5xx answer, a host that does not resolve, a refused connection, a timeout,
an answer over the size cap or of another kind than HTML or a feed is an InputError naming the URL.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from quotes import __version__
from quotes.errors import InputError
from quotes.read.html import HTML_TYPES

USER_AGENT = f"quotes/{__version__} (claim and quote attribution database; one request at a time)"
TIMEOUT_SECONDS = 20.0
MAX_BYTES = 10 * 1024 * 1024
"""The largest answer read: no news page comes near it, and a runaway stream stops there."""
PER_HOST_DELAY = 1.0
"""Seconds between two requests to one host: polite to small sites, slow for long URL lists."""
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
    | {"application/xml", "text/xml"}
)


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """An answer: the URL it finally came from (after redirects), its media type and bytes."""

    url: str
    content_type: str
    body: bytes

    @property
    def is_feed(self) -> bool:
        return self.content_type in FEED_TYPES


@dataclass
class Fetcher:
    """Fetches URLs one at a time, keeping `per_host_delay` between requests to one host."""

    timeout: float = TIMEOUT_SECONDS
    max_bytes: int = MAX_BYTES
    per_host_delay: float = PER_HOST_DELAY
    user_agent: str = USER_AGENT
    _last_request: dict[str, float] = field(default_factory=dict)

    def fetch(self, url: str) -> FetchedPage:
        """The page at `url`, HTML or a feed; anything else is an InputError naming the URL."""
        host = urlsplit(url).netloc.lower()
        if not host or not is_url(url):
            raise InputError(f"{url}: not an http(s) URL")
        self._wait_for(host)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                final_url = response.geturl()
                content_type = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise InputError(f"{url}: {_network_problem(exc.reason)}") from None
        except TimeoutError:
            raise InputError(f"{url}: no answer within {self.timeout:g} s") from None
        except (OSError, ValueError) as exc:
            raise InputError(f"{url}: cannot fetch ({exc})") from None
        finally:
            self._last_request[host] = time.monotonic()
        if len(body) > self.max_bytes:
            raise InputError(f"{url}: larger than {self.max_bytes // (1024 * 1024)} MB, not read")
        if content_type not in HTML_TYPES and content_type not in FEED_TYPES:
            raise InputError(f"{url}: not an HTML page or a feed (content type {content_type})")
        return FetchedPage(final_url, content_type, body)

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            pause = self.per_host_delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)


def _network_problem(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "cannot resolve the host name (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return "no answer in time"
    return f"cannot fetch ({reason})"
