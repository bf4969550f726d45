"""Check-worthiness: statistics and comparisons first, opinions and scene-setting last."""

from __future__ import annotations

import pytest

from claimcheck.core.checkworthiness import score, words_of

STATISTIC = "China has one billion internet users, more than the US and the EU combined."
SCENE = "The conference was held in a scenic canal town."


def test_statistics_outrank_scene_setting() -> None:
    assert score(STATISTIC)[0] > score(SCENE)[0] + 0.3


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Unemployment fell to 4.2% in March.", "numbers or statistics"),
        ("The plan will cost $5 billion.", "numbers or statistics"),
        ("IE6 has 277 known vulnerabilities.", "numbers or statistics"),
        ("Exports rose faster than imports in the second quarter.", "comparison or change"),
        ("It is the largest refinery in the region.", "superlative"),
        ("The bridge closed because of the floods last winter.", "causal language"),
        ("The road was closed due to heavy rain overnight.", "causal language"),
        ("Prices are expected to rise again next year.", "predictive language"),
        ("The new rules will take effect in the spring.", "predictive language"),
        ("Three ministers resigned over the affair last week.", "quantities"),
        ("The Reserve Bank of India met in Mumbai on Tuesday.", "named entities"),
        ("I think the old town is beautiful.", "opinion or question"),
        ("Who will pay for the new stadium?", "opinion or question"),
    ],
)
def test_reasons(sentence: str, reason: str) -> None:
    assert reason in score(sentence)[1]


def test_dates_are_not_statistics() -> None:
    value, reasons = score("The group was introduced on Tuesday (July 12), a tradition since 2014.")
    assert "dates" in reasons
    assert "numbers or statistics" not in reasons
    assert value < score("The group has 2014 members in 12 countries.")[0]


def test_the_month_may_is_not_a_prediction() -> None:
    assert "predictive language" not in score("The talks ended in May after ten rounds.")[1]
    assert "predictive language" in score("The talks may end after ten rounds.")[1]


def test_opinion_and_short_sentences_score_low() -> None:
    assert score("I think it is wonderful.")[0] < 0.15
    assert "scene-setting" in score("It was a sunny day in the city.")[1]


def test_range_and_precomputed_words() -> None:
    for sentence in (STATISTIC, SCENE, "!!!", "Yes."):
        value, reasons = score(sentence)
        assert 0.0 <= value <= 1.0
        assert score(sentence, words_of(sentence)) == (value, reasons)
