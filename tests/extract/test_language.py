"""Which rules an article gets: its language, from its letters first, a detector second."""

from __future__ import annotations

import pytest

from quotes.extract.language import detect_language, has_rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” the minister said on Monday in a statement to the press.", "en"),
        ("«Мы внимательно следим за заявлениями», — сказал Песков журналистам.", "ru"),
        ("«Ми уважно стежимо за заявами», — сказав речник. Її позиція відома.", "uk"),
        ("", "en"),
        ("12 345 678", "en"),
    ],
)
def test_letters_decide_without_a_detector(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_latin_text_that_is_not_plainly_english_goes_to_the_detector() -> None:
    pytest.importorskip("py3langid")
    french = "Le président a déclaré lundi que la France soutiendrait les négociations."
    german = "Der Präsident sagte am Montag, dass Deutschland die Verhandlungen unterstützen werde."
    assert (detect_language(french), detect_language(german)) == ("fr", "de")


def test_only_english_and_russian_have_attribution_rules() -> None:
    assert [has_rules(code) for code in ("en", "ru", "fr", None)] == [True, True, False, True]
