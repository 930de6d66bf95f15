"""quotes.web.pages: the only markup made from data is made from escaped text."""

from __future__ import annotations

from quotes.remarks.assign import DiffPart
from quotes.web.pages import diff_html, marked, web_link


def test_matched_words_are_marked_and_everything_else_escaped() -> None:
    assert marked("a **world** <b>order</b>") == "a <mark>world</mark> &lt;b&gt;order&lt;/b&gt;"
    assert marked("**<script>x</script>**") == "<mark>&lt;script&gt;x&lt;/script&gt;</mark>"
    assert marked("2 ** 3 <i>") == "2 ** 3 &lt;i&gt;"
    assert marked(None) == ""


def test_differences_are_marked_word_by_word_and_escaped() -> None:
    parts = (
        DiffPart("same", "We"),
        DiffPart("cut", "<b>really</b>"),
        DiffPart("added", "fully"),
        DiffPart("changed", "grasp", "understand"),
    )
    assert diff_html(parts) == (
        'We <del class="cut" title="cut">&lt;b&gt;really&lt;/b&gt;</del> '
        '<ins class="added" title="added">fully</ins> '
        '<del class="changed" title="changed from">understand</del> '
        '<ins class="changed" title="changed to">grasp</ins>'
    )


def test_only_web_addresses_become_links() -> None:
    assert web_link(" https://example.com/a?b=1 ") == "https://example.com/a?b=1"
    assert web_link("HTTP://example.com") == "HTTP://example.com"
    assert [web_link(u) for u in ("javascript:alert(1)", "data:text/html,x", "", None)] == [
        None, None, None, None,
    ]  # fmt: skip
