"""Cue words learned from the catalogue's quotes: a word used for one remedy in two articles and
rarely elsewhere becomes its trigger; one article alone, or a common word, does not."""

from claims.ingest.learned import Example, learn_triggers, name_stems, stem, trigger_mentions
from claims.ingest.lexicon import RemedyData, build_lexicon


def example(remedy, article, quote):
    return Example(remedy, article, quote)


def test_stems_meet_across_word_forms():
    assert stem("pricking") == stem("prick") == stem("pricked")
    assert stem("raised") == stem("raise") == stem("raising")
    assert stem("elevation") == stem("elevated")


def test_a_word_seen_with_a_remedy_in_two_articles_becomes_its_trigger():
    examples = [
        example("needle pricking", "a", "Prick the muscle with a pin."),
        example("needle pricking", "a", "You can prick it."),
        example("needle pricking", "b", "Try pricking the calf."),
        example("massage", "b", "Massage the muscle well."),
    ]
    triggers = {(t.stems, t.remedy) for t in learn_triggers(examples)}
    assert (("prick",), "needle pricking") in triggers
    assert not any(remedy == "massage" for _, remedy in triggers)  # one article only


def test_one_article_alone_teaches_nothing():
    examples = [example("needle pricking", "a", q) for q in ("Prick it.", "Prick the calf.", "Prick again.")]
    assert learn_triggers(examples) == []


def test_a_word_common_outside_claims_is_no_trigger():
    texts = {
        "a": "Prick the muscle. The prick of conscience. A prick of light. Prick it.",
        "b": "Try pricking the calf. He felt a prick.",
    }
    examples = [
        Example("needle pricking", "a", "Prick the muscle.", 0, 17),
        Example("needle pricking", "a", "Prick it.", 61, 70),
        Example("needle pricking", "b", "Try pricking the calf.", 0, 22),
    ]
    assert learn_triggers(examples, texts) == []  # 3 of 6 sentences: below the precision needed


def test_names_are_never_another_remedys_trigger():
    examples = [
        example("apricot", "a", "Eat bananas and apricots."),
        example("apricot", "b", "Bananas, apricots."),
        example("apricot", "b", "Apricots and bananas."),
    ]
    assert learn_triggers(examples, names=name_stems(["banana", "apricot"])) == []


def test_a_trigger_proposes_its_remedy_where_the_name_is_absent():
    examples = [
        example("stretching", "a", "Pull your toes towards you."),
        example("stretching", "a", "Pull the toe."),
        example("stretching", "b", "Then pull your foot."),
    ]
    lexicon = build_lexicon([RemedyData("stretching", "maneuver")], triggers=learn_triggers(examples))
    ((start, end, term, precision),) = trigger_mentions(0, "Gently pull the big toe.", lexicon.triggers, set())
    assert (start, end, term.remedy, precision) == (7, 11, "stretching", 1.0)
    assert trigger_mentions(0, "Gently pull the big toe.", lexicon.triggers, {"stretching"}) == []


def test_a_trigger_word_inside_a_name_already_found_is_that_names():
    examples = [
        example("dried fruit", "a", "Dried figs."),
        example("dried fruit", "a", "Dried pears are good."),
        example("dried fruit", "b", "Eat dried plums."),
    ]
    lexicon = build_lexicon([RemedyData("dried fruit", "food_drink")], triggers=learn_triggers(examples))
    text = "Eat dried apricots."
    assert [t.remedy for _, _, t, _ in trigger_mentions(100, text, lexicon.triggers, set())] == ["dried fruit"]
    assert trigger_mentions(100, text, lexicon.triggers, set(), [(104, 118)]) == []  # "dried apricots"


def test_a_pair_of_trigger_words_far_apart_is_no_trigger():
    examples = [
        example("stretching", "a", "Pull your toe."),
        example("stretching", "a", "The toe, pull it."),
        example("stretching", "b", "Pull the toe gently."),
        example("massage", "b", "Pull the calf."),
        example("massage", "a", "Rub the toe."),
        example("massage", "a", "Pull the skin."),
        example("massage", "b", "Knead the toe."),
    ]
    triggers = learn_triggers(examples)
    assert [t.stems for t in triggers if t.remedy == "stretching"] == [("pull", "toe")]
    lexicon = build_lexicon([RemedyData("stretching", "maneuver")], triggers=triggers)
    assert trigger_mentions(0, "Pull the big toe.", lexicon.triggers, set())
    far = "Pull the blanket over you and then wiggle the big toe."
    assert trigger_mentions(0, far, lexicon.triggers, set()) == []


def test_a_substance_the_examples_mostly_call_harmful_is_no_default_benefit():
    # "Alcohol relaxes the sphincter": no word says what it does to the condition. The catalogue
    # calls alcohol a cause: proposed as a treatment by default, one click would record the opposite.
    from claims.ingest.catalogue_lexicon import lexicon_from_parts
    from claims.ingest.lexicon import RemedyData
    from claims.ingest.propose import propose

    remedies = [RemedyData("alcohol", "food_drink"), RemedyData("magnesium", "supplement")]
    examples = [
        Example("alcohol", "a.txt", "Alcohol provokes cramps.", kind="cause"),
        Example("alcohol", "b.txt", "Avoid alcohol.", kind="cause"),
        Example("alcohol", "b.txt", "Alcohol in moderation only.", kind="caution"),
        Example("magnesium", "a.txt", "Take magnesium.", kind="treatment"),
        Example("magnesium", "b.txt", "Magnesium before bed.", kind="prevention"),
    ]
    lexicon = lexicon_from_parts(remedies, examples, {}, brands=(), drugs=False, everyday=())
    assert lexicon.harms == {"alcohol": "cause"}
    kinds = {
        p.remedy: (p.kind, p.rule) for p in propose("Alcohol relaxes the sphincter. Magnesium is a mineral.", lexicon)
    }
    assert kinds == {"alcohol": ("cause", "lexicon; usual for alcohol"), "magnesium": ("treatment", "lexicon; default")}
    # what the words say still decides: "Alcohol helps you fall asleep" is read as it is said
    assert {p.kind for p in propose("Alcohol can help with cramps.", lexicon)} != {"cause"}


def test_one_example_or_a_mixed_record_is_no_usual_harm():
    from claims.ingest.catalogue_lexicon import usual_harms

    assert usual_harms([Example("quinine", "a.txt", "q", kind="caution")]) == {}
    mixed = [Example("quinine", "a.txt", "q", kind=kind) for kind in ("caution", "treatment", "treatment")]
    assert usual_harms(mixed) == {}


def test_an_order_to_take_a_usually_harmful_remedy_is_read_as_advice():
    from claims.ingest.catalogue_lexicon import lexicon_from_parts
    from claims.ingest.lexicon import RemedyData
    from claims.ingest.propose import propose

    examples = [Example("caffeine", f"{n}.txt", "Coffee provokes cramps.", kind="cause") for n in range(3)]
    lexicon = lexicon_from_parts(
        [RemedyData("caffeine", "food_drink", ("coffee",))], examples, {}, brands=(), everyday=()
    )
    assert lexicon.harms == {"caffeine": "cause"}
    # an article on headaches may well advise it: that is for the reviewer to weigh, not a cause
    assert [p.kind for p in propose("Drink a cup of coffee.", lexicon, "headache")] == ["treatment"]
    assert [p.kind for p in propose("Coffee contains tannins.", lexicon, "headache")] == ["cause"]


def test_a_usually_harmful_remedy_listed_under_advice_is_read_as_advice():
    from claims.ingest.catalogue_lexicon import lexicon_from_parts
    from claims.ingest.lexicon import RemedyData
    from claims.ingest.propose import propose

    examples = [Example("caffeine", f"{n}.txt", "Coffee provokes cramps.", kind="cause") for n in range(3)]
    lexicon = lexicon_from_parts([RemedyData("caffeine", "food_drink")], examples, {}, brands=())
    text = "For short-term relief, try:\n- caffeine\n"
    assert "cause" not in {p.kind for p in propose(text, lexicon, "headache")}
