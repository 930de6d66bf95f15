"""Tokens before a cue: the same as tokenising afresh, remembered across the cues of a sentence,
and never more than LOOKBACK_TOKENS of them (a sentence of thousands of cues stays linear)."""

from __future__ import annotations

from quotes.extract.mentions import LOOKBACK_TOKENS, tokens_from, word_tokens


def test_tokens_from_a_sentence_start_are_those_of_a_fresh_scan() -> None:
    text = "The minister, Anna Berg, said on Monday that talks said nothing new, officials said."
    for hi in (30, 50, len(text)):
        assert tokens_from(text, 0, hi) == word_tokens(text, 0, hi)


def test_a_sentence_of_many_cues_hands_out_only_the_last_tokens() -> None:
    text = "said " * (3 * LOOKBACK_TOKENS)
    ends = [i + 4 for i in range(0, len(text), 5)]
    for hi in ends[:: LOOKBACK_TOKENS // 2]:
        tokens = tokens_from(text, 0, hi)
        assert tokens == word_tokens(text, 0, hi)[-LOOKBACK_TOKENS:]
    assert len(tokens_from(text, 0, ends[-1])) == LOOKBACK_TOKENS
