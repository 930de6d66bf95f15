"""`quotes serve` in a real browser: the server started on a free localhost port, search and
compare loaded in headless Chromium, the marked differences found in the page it rendered, and
screenshots saved (to QUOTES_SCREENSHOTS too, when set: docs/ keeps two for the README).

Chromium comes from the distribution's packages (`apt-get install chromium`, which .ci/run does);
when it is missing the set-up installs it if it can, and otherwise the test is skipped saying so.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import load_web_sample

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
SERVER_START_SECONDS = 60
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _find_browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser() -> str:
    """Headless Chromium, installed from the distribution's packages when missing."""
    found = _find_browser()
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(
            "apt-get update -qq && apt-get install -y -qq chromium",
            shell=True, capture_output=True, timeout=900, check=False,
        )  # fmt: skip
        found = _find_browser()
    if found is None:
        pytest.skip("no Chromium and it cannot be installed here: apt-get install chromium")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`quotes serve` on the seeds (and the hostile article) at a free localhost port."""
    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{folder / 'quotes.db'}"
    load_web_sample(url, folder / "articles")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "quotes", "--db", url, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{address}/static/style.css", timeout=5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    assert process.stderr is not None
                    pytest.fail(f"quotes serve did not start: {process.stderr.read().decode()}")
                time.sleep(0.2)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=30)


def _chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--no-first-run",
         "--hide-scrollbars", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def _screenshot(
    browser: str, profile: Path, url: str, path: Path, size: str, keep_for_docs: bool = True
) -> None:
    _chromium(browser, profile, f"--window-size={size}", f"--screenshot={path}", url)
    assert path.read_bytes()[:8] == PNG_MAGIC, url
    keep = os.environ.get("QUOTES_SCREENSHOTS")
    if keep and keep_for_docs:
        shutil.copy(path, Path(keep) / path.name)


def test_search_in_a_browser(browser: str, server: str, tmp_path: Path) -> None:
    dom = _chromium(browser, tmp_path / "profile", "--dump-dom", f"{server}/search?q=world+order")
    assert dom.returncode == 0, dom.stderr
    assert "Quotations with the words <strong>world order</strong>" in dom.stdout
    assert "just <mark>world</mark> <mark>order</mark>, and welcome" in dom.stdout
    hostile = _chromium(browser, tmp_path / "profile", "--dump-dom", f"{server}/search?q=Lavrov")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; will not stop us" in hostile.stdout
    _screenshot(browser, tmp_path / "profile", f"{server}/search?q=Patrushev",
                tmp_path / "web-search.png", "1200,1100")  # fmt: skip


def test_compare_in_a_browser_marks_the_differences(
    browser: str, server: str, tmp_path: Path
) -> None:
    dom = _chromium(browser, tmp_path / "profile", "--dump-dom", f"{server}/remarks/20")
    assert dom.returncode == 0, dom.stderr
    assert "3 reports in 2 articles by 2 publishers via 1 relay" in dom.stdout
    assert '<del class="changed" title="changed from">Beijing as</del>' in dom.stdout
    assert '<ins class="changed" title="changed to">China is</ins>' in dom.stdout
    assert dom.stdout.count('<section class="outlet">') == 3
    _screenshot(browser, tmp_path / "profile", f"{server}/remarks/20",
                tmp_path / "web-compare.png", "1200,900")  # fmt: skip
    _screenshot(browser, tmp_path / "profile", f"{server}/remarks/20",
                tmp_path / "web-compare-phone.png", "390,1600", keep_for_docs=False)  # fmt: skip
