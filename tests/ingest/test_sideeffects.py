"""What a remedy causes that is a side effect, not the article's condition (claims.ingest.sideeffects)."""

import pytest

from claims.ingest.cues import cue_table
from claims.ingest.sideeffects import side_effect


@pytest.mark.parametrize(
    ("text", "condition", "effect"),
    [
        ("Piriton causes drowsiness.", "hay fever", "causes drowsiness"),
        ("Regular codeine use leads to dependence.", "cough", "leads to dependence"),
        ("Aspirin can cause stomach bleeding.", "headache", "can cause stomach bleeding"),
        ("Aspirin is linked to Reye's syndrome in children.", "fever", "is linked to Reye's syndrome"),
    ],
)
def test_a_side_effect_is_read(text, condition, effect):
    found = side_effect(text, cue_table(condition).named)
    assert found is not None and found.group(0) == effect


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # it causes the condition too
        ("Codeine can cause drowsiness and constipation.", "constipation"),
        ("Alcohol can trigger migraines, and some migraine medicines cause drowsiness.", "migraine"),
        # no side effect named
        ("Salt raises blood pressure.", "high blood pressure"),
    ],
)
def test_no_side_effect_where_the_condition_is_caused_or_none_is_named(text, condition):
    assert side_effect(text, cue_table(condition).named) is None
