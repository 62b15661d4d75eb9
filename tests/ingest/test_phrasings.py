"""The curated phrasing table: how everyday words name a measure ("rub the sore calf" is a
massage), when they do not (a maneuver's words that say how a substance is applied), a broken row
refused with its line number, and what the proposer makes of a phrasing."""

import pytest

from claims.ingest.brands import CATEGORIES
from claims.ingest.lexicon import Term
from claims.ingest.norm import fold
from claims.ingest.phrasings import PhrasingTableError, forms, phrasing_mentions, phrasing_table, read_phrasings
from claims.ingest.propose import propose
from tests.ingest.proposing import catalogue_lexicon  # noqa: F401 (a fixture)


def write(tmp_path, *rows):
    path = tmp_path / "phrasings.csv"
    path.write_text("# a comment\nremedy,category,words\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def table(tmp_path, *rows):
    return [(p, Term(p.remedy, p.category, "phrasing", True)) for p in read_phrasings(write(tmp_path, *rows))]


def found(text, phrasings, known=(), taken=(), substances=()):
    return [
        (term.remedy, text[start:end])
        for start, end, term in phrasing_mentions(0, fold(text), phrasings, set(known), taken, substances=substances)
    ]


def test_a_word_is_found_in_its_inflections():
    assert forms("tap") >= {"tap", "taps", "tapped", "tapping"}
    assert forms("squeeze") >= {"squeezes", "squeezed", "squeezing"}
    assert forms("worry") >= {"worries"}
    assert "pressing" in forms("press") and "presses" in forms("press")


def test_the_words_are_found_in_any_order_within_eight_words_of_one_clause(tmp_path):
    rows = table(tmp_path, "massage,maneuver,rub|knead calf|calves")
    assert found("Rub the sore calf for a minute.", rows) == [("massage", "Rub the sore calf")]
    assert found("Your calves are kneaded gently.", rows) == [("massage", "calves are kneaded")]
    assert found("Rub it and then wait for a minute or two before you stretch the calf.", rows) == []  # 15 words
    assert found("If you rub, it can make the calf worse.", rows) == []  # two clauses
    assert found("Stretch the calf.", rows) == []  # one word of two


def test_a_row_written_with_an_equals_sign_matches_side_by_side_in_order(tmp_path):
    rows = table(tmp_path, "balanced diet,lifestyle,=eat right|sensibly")
    assert found("Eat right and sleep well.", rows) == [("balanced diet", "Eat right")]
    assert found("Lying down right after eating makes heartburn worse.", rows) == []


def test_a_remedy_already_named_or_words_already_taken_are_not_found_again(tmp_path):
    rows = table(tmp_path, "massage,maneuver,rub calf")
    assert found("Rub the calf.", rows, known={"massage"}) == []
    assert found("Rub the calf.", rows, taken=[(8, 12)]) == []  # "calf" is another name's word


def test_a_maneuvers_words_that_say_how_a_substance_is_applied_are_no_maneuver(tmp_path):
    rows = table(tmp_path, "massage,maneuver,rub calf|calves|temples", "warm compress,topical,heat pad")
    assert found("Rub the calves with soap containing glycerin.", rows) == []
    assert found("The ointment is rubbed into the calves twice a day.", rows) == []
    oil = [(0, 14)]  # "Peppermint oil", a substance named in the segment
    assert found("Peppermint oil rubbed on the temples eases a headache.", rows, substances=oil) == []
    assert found("Peppermint oil helps. Rub the calves.", rows, substances=oil) == [("massage", "Rub the calves")]
    assert found("Rub the calves with your hands.", rows) == [("massage", "Rub the calves")]
    # a substance named beside it stops only maneuvers
    assert found("A heat pad with a little lavender oil helps.", rows, substances=[(26, 37)]) == [
        ("warm compress", "heat pad")
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("massage,maneuver", "phrasings.csv line 3: expected 3 columns, found 2"),
        (
            "massage,rubbing,rub calf",
            "phrasings.csv line 3: a remedy and one of the catalogue's categories are required",
        ),
        ("massage,maneuver,rub", "phrasings.csv line 3: a phrasing has two to three words, not 1"),
        (
            "massage,maneuver,rub|up calf",
            "phrasings.csv line 3: 'rub|up': each word is a plain word of three letters or more",
        ),
    ],
)
def test_a_broken_row_is_named_by_its_line(tmp_path, row, message):
    with pytest.raises(PhrasingTableError) as caught:
        read_phrasings(write(tmp_path, row))
    assert str(caught.value) == message


def test_the_repositorys_table_reads_and_uses_the_catalogues_categories():
    rows = phrasing_table()
    assert len(rows) >= 30
    assert {row.category for row in rows} <= CATEGORIES


@pytest.mark.parametrize(
    ("text", "remedy", "kind"),
    [
        ("Rub the sore calf until the spasm lets go.", "massage", "relief"),
        ("A warm towel on the neck eases the pain.", "warm compress", "relief"),
        ("Have smaller portions, more often, rather than three large meals.", "small frequent meals", "prevention"),
        ("Lie down in a dark, quiet room and place a cold pack on your forehead.", "cold application", "treatment"),
    ],
)
def test_the_proposer_proposes_a_phrasing_as_its_remedy(catalogue_lexicon, text, remedy, kind):  # noqa: F811
    proposals = [p for p in propose(text, catalogue_lexicon, "headache") if p.remedy == remedy]
    assert [(p.kind, p.rule.split(";")[0]) for p in proposals] == [(kind, "phrasing")]


def test_a_phrasing_beside_a_named_oil_is_how_the_oil_is_applied(catalogue_lexicon):  # noqa: F811
    remedies = {
        p.remedy
        for p in propose("Peppermint oil rubbed on the temples eases a headache.", catalogue_lexicon, "headache")
    }
    assert "massage" not in remedies


def test_hyphenated_words_are_read_apart_and_a_side_by_side_row_may_hold_short_words(tmp_path):
    rows = table(tmp_path, "heating pad,device_garment,hot water bottle", "leg elevation,lifestyle,=feet|legs up")
    assert found("A hot-water bottle on the back helps.", rows) == [("heating pad", "hot-water bottle")]
    assert found("Put your feet up for an hour.", rows) == [("leg elevation", "feet up")]
    assert found("Get up and walk; your feet will thank you.", rows) == []


def test_an_activity_said_by_a_phrasing_is_advice_even_without_a_cue_word(catalogue_lexicon):  # noqa: F811
    # "walking" named with nothing said of it claims nothing; a phrasing says what to do
    proposals = propose("Have smaller portions more often.", catalogue_lexicon, "heartburn")
    assert [(p.remedy, p.kind) for p in proposals] == [("small frequent meals", "prevention")]


def test_a_phrasing_lies_within_one_clause(tmp_path):
    rows = table(tmp_path, "leg elevation,lifestyle,raise|lift legs")
    assert found("Avoid heavy lifting; give your legs a rest.", rows) == []
    assert found("Lift your legs onto a chair.", rows) == [("leg elevation", "Lift your legs")]


def test_a_new_name_read_from_a_pattern_gives_way_to_the_measure_a_phrasing_names(catalogue_lexicon):  # noqa: F811
    # "chew gum" read by the intake pattern alone is a new remedy "gum"; "hot water" is a medium
    proposals = propose("Chew gum after meals. Put a hot water bottle on your tummy.", catalogue_lexicon, "heartburn")
    assert [(p.remedy, p.surface, p.kind) for p in proposals] == [
        ("chewing gum", "Chew gum", "treatment"),
        ("heating pad", "hot water bottle", "prevention"),
    ]


def test_the_verb_of_a_phrasing_is_an_order_that_leads_it_in(catalogue_lexicon):  # noqa: F811
    # "reduce" keeps away what it governs, unless a new order follows it
    proposals = propose("To reduce chances of tooth decay, chew sugar-free gum.", catalogue_lexicon, "heartburn")
    assert [(p.remedy, p.kind) for p in proposals] == [("chewing gum", "treatment")]


def test_a_text_holds_a_phrasing_within_one_clause(tmp_path):
    from claims.ingest.phrasings import holds

    ((row, _),) = table(tmp_path, "balanced diet,lifestyle,proper|correct diet|nutrition")
    assert holds(row, "proper nutrition") and holds(row, "a correct, varied diet")
    assert not holds(row, "proper rest; a good diet")


# From a hostile review: a measure the text warns against, or names as no advice at all, is never
# proposed as a benefit.
WARNED = [
    ("Avoid rubbing the area if you have varicose veins.", "massage"),
    ("Refrain from rubbing the calf if it is swollen.", "massage"),
    ("Skip the massage if the area is swollen.", "massage"),
    ("Never rub a swollen calf; take paracetamol instead.", "massage"),
    ("Stay away from hot water bottles if you have diabetes.", "heating pad"),
    ("Avoid: massage, ice and alcohol.", "massage"),
    ("Avoid: massage, ice and alcohol.", "cold application"),
    ("Massage, ice packs and heat packs should all be avoided if there is a clot.", "heating pad"),
    ("Massage, ice packs and heat packs should all be avoided if there is a clot.", "massage"),
    ("Chest pain on the left side when you lie down can be a heart attack; call 999.", "sleeping on the left side"),
    ("Pregnancy is not the time to slim down.", "weight control"),
    ("Cramps often strike while you have your feet up.", "leg elevation"),
    ("Excess weight makes heartburn worse.", "weight control"),
    ("Avoid coffee, it can cause anxiety.", "stress reduction"),
    ("Have sore gums checked by a dentist.", "chewing gum"),
    ("A stroke needs emergency care.", "massage"),
    ("See a doctor about blood in the stool.", "leg elevation"),
    ("A loading dose is given first.", "reducing physical load"),
    ("Frozen vegetables are as nutritious as fresh ones.", "cold application"),
    ("Avoid stretching, massage and heat packs in the first trimester.", "heating pad"),
    ("Avoid stretching, massage and heat packs in the first trimester.", "stretching"),
    ("Avoid: hot water bottles, heat packs and electric blankets.", "heating pad"),
    ("Massage, ice packs and heat packs should all be avoided if there is a clot.", "cold application"),
    ("Stop using heat packs.", "heating pad"),
    ("Stop massaging the area.", "massage"),
    ("It's best not to use a heat pack on numb skin.", "heating pad"),
    ("A sharp pain in your calf when you straighten your leg can be a sign of a clot.", "stretching"),
    ("Back pain is worse when you sit upright in a chair.", "sitting up"),
    ("After a knock to the leg, swelling with a warm calf may be a clot.", "tapping the leg"),
]


@pytest.mark.parametrize(("text", "remedy"), WARNED)
def test_a_warned_or_unadvised_measure_is_never_a_benefit(catalogue_lexicon, text, remedy):  # noqa: F811
    kinds = {p.kind for p in propose(text, catalogue_lexicon, "headache") if p.remedy == remedy}
    assert not kinds & {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "remedy", "kind"),
    [
        ("Never rub a swollen calf; take paracetamol instead.", "massage", "caution"),
        ("To avoid cramps, stretch your calves before bed.", "stretching", "prevention"),
        ("Do not stop stretching even when the cramps ease.", "stretching", "relief"),
        ("Avoid headaches, stretch your neck daily.", "stretching", "relief"),
        ("Ice helps and coffee should be avoided.", "cold application", "treatment"),
        ("Try to pinch your foot or knock on it.", "tapping the leg", "relief"),
        ("Sit upright after meals.", "sitting up", "relief"),
        ("Stop rubbing your temples and lie down in a dark room.", "rest in a dark room", "relief"),
        ("Stop using heat packs and ice.", "cold application", "caution"),
    ],
)
def test_what_is_kept_away_is_a_caution_and_what_is_kept_up_a_benefit(catalogue_lexicon, text, remedy, kind):  # noqa: F811
    assert kind in {p.kind for p in propose(text, catalogue_lexicon, "night leg cramps") if p.remedy == remedy}


def test_a_utf8_byte_order_mark_and_an_indented_comment_are_read(tmp_path):
    path = tmp_path / "phrasings.csv"
    path.write_text("\ufeffremedy,category,words\n  # a note\nmassage,maneuver,rub calf\n", encoding="utf-8")
    assert [row.remedy for row in read_phrasings(path)] == ["massage"]


def test_an_open_quote_is_named_by_its_line(tmp_path):
    with pytest.raises(PhrasingTableError, match=r"phrasings.csv line 3: not one CSV row"):
        read_phrasings(write(tmp_path, 'massage,maneuver,"rub calf'))


def test_a_lying_form_is_found():
    assert "lying" in forms("lie") and "tying" in forms("tie")


def test_a_label_of_what_keeps_you_awake_and_weak_evidence_for_them_are_no_benefits(catalogue_lexicon):  # noqa: F811
    text = "### Things that keep you awake\n\n- **Caffeine** can stay in your system for up to eight hours.\n"
    assert {p.kind for p in propose(text, catalogue_lexicon, "insomnia") if p.remedy == "caffeine"} == {"cause"}
    text = "Valerian is widely sold as a herbal sleep remedy, but the evidence for them is weak."
    kinds = {p.kind for p in propose(text, catalogue_lexicon, "insomnia") if p.remedy == "valerian"}
    assert kinds and not kinds & {"relief", "treatment", "prevention"}


def test_resting_in_a_dark_room_eases_an_attack_even_beside_a_medicine(catalogue_lexicon):  # noqa: F811
    # a new user's walk: "Lie down in a quiet, dark room" was proposed as prevention
    for text in ("Lie down in a quiet, dark room if you can.", "For migraine, rest in a dark room and take ibuprofen."):
        kinds = {p.kind for p in propose(text, catalogue_lexicon, "migraine") if p.remedy == "rest in a dark room"}
        assert kinds == {"relief"}


@pytest.mark.parametrize(
    "text",
    [
        "After the exercises, lie on the bed and raise your legs to the wall.",
        "After dinner, you need to raise your legs.",
    ],
)
def test_a_measure_in_an_order_after_a_time_is_advice(catalogue_lexicon, text):  # noqa: F811
    # nothing was proposed: the measure did not open its clause, "After ..." did
    assert {p.kind for p in propose(text, catalogue_lexicon, "night leg cramps") if p.remedy == "leg elevation"} == {
        "prevention"
    }


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("If you're desperate on arrival day, keep a nap to 20 minutes so you can still sleep that night.", "jet lag"),
        ("During the day, keep napping to a minimum.", "insomnia"),
        ("On the plane, keep napping to a minimum.", "jet lag"),
        ("# Cold and flu: what helps and what to avoid\n\nDuring the day, keep napping to a minimum.", "common cold"),
    ],
)
def test_an_order_that_limits_a_measure_is_a_caution_not_advice_to_take_it(catalogue_lexicon, text, condition):  # noqa: F811
    # "long naps" warned of, and "keep a nap to 20 minutes" proposed as prevention (a hostile review;
    # under a heading that says "what helps", in a fresh-clone paste)
    assert {p.kind for p in propose(text, catalogue_lexicon, condition) if p.remedy == "napping"} == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Keep alcohol to a minimum in the evening.", "alcohol"),
        ("Keep paracetamol out of reach of children.", "paracetamol"),
        ("Vinegar, vodka and other household liquids should be kept out of the reach of children.", "vinegar"),
    ],
)
def test_what_is_kept_low_or_out_of_reach_is_a_caution(catalogue_lexicon, text, remedy):  # noqa: F811
    # each was a treatment
    assert {p.kind for p in propose(text, catalogue_lexicon, "insomnia") if p.remedy == remedy} == {"caution"}


@pytest.mark.parametrize(
    "text",
    [
        "Try relaxation techniques, because stress makes tinnitus worse.",
        "Relaxation techniques and regular exercise, because stress and anxiety tend to make tinnitus louder.",
    ],
)
def test_advice_given_because_something_else_worsens_the_condition_is_no_harm(catalogue_lexicon, text):  # noqa: F811
    kinds = {p.kind for p in propose(text, catalogue_lexicon, "tinnitus") if p.remedy == "stress reduction"}
    assert kinds and not kinds & {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "condition", "remedy", "benefit"),
    [
        ("Triptans work well for migraine, but limit them to two days a week.", "migraine", "triptans", "treatment"),
        ("Take paracetamol, but limit it to 8 tablets in 24 hours.", "headache", "paracetamol", "treatment"),
        ("Ginger can ease nausea, but limit it to 1 g a day in pregnancy.", "nausea", "ginger", "relief"),
    ],
)
def test_a_limit_on_what_was_just_advised_is_a_caution_beside_it(catalogue_lexicon, text, condition, remedy, benefit):  # noqa: F811
    # a hostile review: the limit was lost, the remedy proposed as a plain benefit
    assert {p.kind for p in propose(text, catalogue_lexicon, condition) if p.remedy == remedy} == {"caution", benefit}


def test_a_measure_kept_short_at_first_is_still_advice(catalogue_lexicon):  # noqa: F811
    # a hostile review: "kept short" read as a limit of a helpful activity, a caution alone
    text = "Keep walks short to begin with and gradually increase the distance."
    assert {p.kind for p in propose(text, catalogue_lexicon, "knee pain") if p.remedy == "walking"} == {"prevention"}
