"""The proposer reads the article's condition by the words of its name: a cue speaks of "a
headache" or "heartburn" only in an article about it, and no module is written for one condition."""

import re
from pathlib import Path

import pytest

from claims.ingest import cues
from claims.ingest.condition import condition_words
from claims.ingest.learned import Example, learn_triggers
from claims.ingest.propose import propose

INGEST = Path(cues.__file__).resolve().parent


def kind(text, condition, *, before="", category="drug"):
    return cues.kind_of(text, before, [], category, condition)


def test_the_words_of_a_condition_are_those_of_its_name_singular_and_plural():
    assert set(condition_words("Night leg cramps").forms) == {"cramp", "cramps", "leg", "legs"}  # "night": time
    assert condition_words("night leg cramps").single == "cramp"
    assert set(condition_words("Headaches").forms) == {"headache", "headaches"}
    assert set(condition_words("heartburn").head) == {"heartburn", "heartburns"}
    assert condition_words(None).forms == condition_words("").forms == ()


def test_a_cue_reads_the_condition_s_words():
    call = kind("Take aspirin during a headache.", "headache")
    assert (call.kind, call.cue) == ("relief", "during a headache")
    assert kind("Take aspirin during a headache.", None).kind != "relief"  # no condition: no such episode
    assert kind("Take aspirin during a headache.", "insomnia").kind != "relief"


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Baking soda will relieve heartburn.", "heartburn"),
        ("Ginger tea helps combat the heartburn.", "heartburn"),
        ("If your headache is mild, take aspirin.", "headaches"),
        ("During a night cramp, pinch the muscle hard.", "night leg cramps"),
    ],
)
def test_easing_the_condition_named_as_one_episode_is_relief(text, condition):
    assert kind(text, condition).kind == "relief"
    assert kind(text, None).kind != "relief"


def test_easing_episodes_of_the_condition_is_treatment():
    assert kind("Magnesium relieves headaches.", "headache").kind == "treatment"


def test_stopping_the_condition_is_relief_not_a_substance_to_avoid():
    text, before = "Stop heartburn with antacids.", "Stop heartburn with "
    assert kind(text, "heartburn", before=before).kind != "cause"
    assert kind(text, None, before=before).cue == "avoid: stop"


def test_avoiding_the_condition_is_prevention():
    assert kind("Eat slowly to avoid heartburn.", "heartburn", category="lifestyle").kind == "prevention"


def test_each_condition_s_cues_are_compiled_once():
    assert cues.cue_table("Headache") is cues.cue_table(" headache ")
    assert cues.cue_table("headache") is not cues.cue_table("heartburn")


def test_the_proposer_takes_the_article_s_condition(lexicon):
    text = "During a migraine, drink coffee.\n"
    assert [p.kind for p in propose(text, lexicon, "migraine")] == ["relief"]
    assert [p.kind for p in propose(text, lexicon)] != ["relief"]


def test_the_condition_s_words_are_never_a_remedy_s_trigger():
    def examples(condition):
        return [
            Example("chewing gum", article, quote, condition=condition)
            for article, quote in (
                ("a", "Chewing soothes heartburn."),
                ("a", "Gum eases heartburn."),
                ("b", "Heartburn goes with chewing."),
            )
        ]

    assert any(t.stems == ("heartburn",) for t in learn_triggers(examples("")))
    assert not any("heartburn" in t.stems for t in learn_triggers(examples("heartburn")))


def test_no_module_of_the_proposer_is_written_for_cramps():
    sources = {path.name: path.read_text(encoding="utf-8") for path in INGEST.glob("*.py")}
    assert not [name for name, source in sources.items() if re.search(r"(?i)\bcramp", source)]
    # "spasm" and "calf" stay only as general words: an episode of any muscle (the gut's, the
    # airways'), a part of the body, an irregular plural.
    general = {"cues.py", "cuewords.py", "headingcues.py", "vocabulary.py", "norm.py", "learned.py"}
    assert {name for name, source in sources.items() if re.search(r"(?i)\b(?:spasm|calf|calves)\b", source)} <= general


@pytest.mark.parametrize(
    "text",
    ["Ginger is another natural remedy for a headache.", "A cup of coffee can help you with headaches."],
)
def test_a_remedy_for_the_condition_or_help_with_it_is_relief(text):
    assert kind(text, "headache", category="food_drink").kind == "relief"


def test_remedies_named_in_an_introduction_are_of_any_kind():
    intro = [("There are many home remedies that you can use:", 2.5)]
    call = cues.kind_of("You can have a mint to relieve a headache.", "", intro, "herbal_folk", "headache")
    assert call.kind == "relief"
