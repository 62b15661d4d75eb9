"""Cases two hostile reviews of this session's readings found (a benefit denied of a remedy named
again, a question before a list's introduction, tables without pipes at either end, lines under
"Common causes"): each was read wrong by a first version of a rule, or before it. What a reviewer
would insist on is required, what would be wrong is forbidden ("benefit:none": a benefit for
everyone; "harm:<population>": a cause or caution for them)."""

import pytest

from tests.ingest.proposing import assert_said_of, catalogue_lexicon  # noqa: F401 (a fixture)

CASES = [
    # a table's "No" to a question of harm says it is harmless; "Yes" to a question of safety is no harm
    ("Medicine | Safe with high blood pressure? | Notes\nSudafed | No | Raises blood pressure\n"
     "Paracetamol | Yes | Fine for pain\nIbuprofen | Ask first | Can raise blood pressure", "high blood pressure",
     "paracetamol", [], ["harm:none"]),
    ("Medicine | Safe with high blood pressure? | Notes\nSudafed | No | Raises blood pressure\n"
     "Paracetamol | Yes | Fine for pain\nIbuprofen | Ask first | Can raise blood pressure", "high blood pressure",
     "pseudoephedrine", ["harm:none|harm:hypertension"], ["benefit:none", "benefit:hypertension"]),
    ("Drink | Raises blood pressure? | Notes\nCoffee | Yes, briefly | Up to 4 cups is fine\n"
     "Beetroot juice | No | May lower it slightly\nEnergy drinks | Yes | Best avoided", "high blood pressure",
     "beetroot", [], ["harm:none"]),
    # verdicts of how often, and of money
    ("Food | Purine level | How often\nAnchovies | Very high | Occasionally\nOffal | Very high | Never\n"
     "Mackerel | High | Sparingly\nTofu | Moderate | Fine", "gout", "anchov", [], ["benefit:none"]),
    ("Supplement | Evidence | Our verdict\nGlucosamine | Mixed | Save your money\nTurmeric | Weak | Not proven\n"
     "Fish oil | Weak | No", "osteoarthritis", "glucosamine", [], ["benefit:none"]),
    # labels that keep their items away, and two that do not
    ("Best not to drink:\n- Coffee\n- Alcohol\n- Fizzy drinks", "heartburn", "caffeine", ["harm:none"],
     ["benefit:none"]),
    ("Keep to a minimum:\n- Red meat\n- Beer\n- Sugary drinks", "gout", "meat", ["harm:none"], ["benefit:none"]),
    ("Don't bother with:\n- Echinacea\n- Vitamin C tablets", "common cold", "echinacea", ["harm:none"],
     ["benefit:none"]),
    ("Think twice about:\n- Sleeping pills\n- Antihistamines that make you drowsy", "insomnia", "antihistamine",
     ["harm:none"], ["benefit:none"]),
    ("Trying for a baby? Cut out:\n- Alcohol\n- Ibuprofen", "headache", "ibuprofen", ["harm:pregnancy"],
     ["benefit:none", "harm:children"]),
    ("Expecting your first baby? Avoid these:\n- Ibuprofen\n- Aspirin", "headache", "ibuprofen",
     ["caution:pregnancy"], ["benefit:none", "harm:children"]),
    ("Best to avoid late at night:\n- Coffee\n- Chocolate\n- Alcohol", "heartburn", "chocolate", ["harm:none"],
     ["benefit:none"]),
    ("Save your money and buy:\n- Own-brand ibuprofen\n- Own-brand paracetamol", "headache", "ibuprofen",
     ["benefit:none"], ["harm:none"]),
    ("Best to avoid a flare-up:\n- An emollient every day\n- Cotton clothing", "eczema", "emollient",
     ["benefit:none"], ["harm:none"]),
    # advice after the causes stays advice; a "Treatment" line ends them
    ("Triggers\nPollen\nDust mites\nPet hair\nAntihistamines, such as cetirizine, are the first thing to try.\n"
     "Speak to a pharmacist if they don't work.", "hay fever", "cetirizine", [], ["cause:none"]),
    ("Common causes\nStress\nHormonal changes\nTreatment\nUsing a chlorhexidine mouthwash twice a day\n"
     "Applying a benzocaine gel before meals", "mouth ulcers", "chlorhexidine", [], ["cause:none"]),
    ("Triggers\nSunlight\nStress\nA cold\nCreams like aciclovir work best at the first tingle.\nDon't share towels.",
     "cold sores", "aciclovir", [], ["cause:none"]),
    # whom: weak kidneys, and athlete's foot in any spelling
    ("People with weak kidneys should avoid ibuprofen and naproxen.", "back pain", "ibuprofen",
     ["caution:kidney_disease"], ["benefit:none"]),
    ("## Treating Athlete’s-foot\nClotrimazole cream is sold in pharmacies and usually clears it in 2 weeks.",
     "athlete's foot", "clotrimazole", ["benefit:none"], ["benefit:athletes"]),
    # a part about "them" after another remedy's clause is that one's; a limit leaves the benefit
    ("Nasal decongestants unblock the nose, while antihistamine tablets ease sneezing, but they can make you "
     "sleepy, so avoid them before driving.", "hay fever", "decongestant", ["benefit:none"], []),
    ("Paracetamol works for most tension headaches, and paracetamol is safe in pregnancy, though it is not "
     "recommended for more than a few days at a time.", "headache", "paracetamol", ["benefit:none"], []),
    ("Small studies have looked at magnesium, vitamin B1 and fish oil, with some encouraging results, but the "
     "evidence isn't strong enough to recommend them.", "period pain", "magnesium", ["caution:none"],
     ["benefit:none"]),
    # a denial for adults and children both is for everyone
    ("Vitamin C is often recommended, but vitamin C isn't advised for adults or children to prevent colds, since "
     "trials show no benefit.", "common cold", "vitamin c", [], ["benefit:none", "benefit:children"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), CASES)
def test_what_a_reviewer_reads(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)
