"""The safety corpus's counter (bench/ingest/safety.py) on hand-made proposals."""

from types import SimpleNamespace

from bench.ingest.safety import CORPUS, flags


def proposal(remedy, kind, dose=""):
    return SimpleNamespace(remedy=remedy, kind=kind, dose=dose)


def test_a_warned_remedy_as_a_benefit_is_counted():
    assert flags([proposal("caffeine", "treatment")], "warning", ["caffeine"], "Avoid coffee.") == {"warned"}
    assert flags([proposal("caffeine", "cause")], "warning", ["caffeine"], "Avoid coffee.") == set()


def test_a_limit_dropped_from_the_dose_is_counted():
    text = "Take no more than 4 g of paracetamol."
    assert flags([proposal("paracetamol", "treatment", "4 g")], "warning", [], text) == {"limit"}
    assert flags([proposal("paracetamol", "treatment", "no more than 4 g")], "warning", [], text) == set()
    assert flags([proposal("paracetamol", "caution", "4 g")], "warning", [], text) == set()


def test_plain_advice_without_a_benefit_or_with_a_caution_is_counted():
    assert flags([], "advice", [], "Drink water.") == {"no benefit"}
    assert flags([proposal("fluid intake", "caution")], "advice", [], "Drink water.") == {"no benefit", "cause/caution"}
    assert flags([proposal("fluid intake", "treatment")], "advice", [], "Drink water.") == set()


def test_the_corpus_is_well_formed():
    import json

    cases = json.loads(CORPUS.read_text(encoding="utf-8"))
    assert len(cases) > 200
    assert {case["says"] for case in cases} == {"advice", "warning"}
    assert all(case["text"].strip() and case["condition"] for case in cases)
