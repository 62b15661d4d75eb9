"""Benefits and harms the text denies, read as a reviewer reads them: a benefit denied of a remedy
named again ("Vitamin C is popular, but there's no evidence that high doses of vitamin C prevent
colds") is never proposed from its first naming, nor one a later part said of it again denies ("..., but
they can dry the lips further, so avoid them"); a harm said to be rare ("Paracetamol rarely triggers
asthma") is no cause, while a rare harm it can do is still warned of ("can rarely cause")."""

import pytest

from tests.ingest.proposing import assert_said_of, catalogue_lexicon  # noqa: F401 (a fixture)

CASES = [
    # the benefit the second naming denies is not read from the first
    ("Vitamin C is popular, but there's no evidence that high doses of vitamin C prevent colds.", "common cold",
     "vitamin c", ["caution:none"], ["benefit:none"]),
    ("Echinacea is widely sold, but studies haven't shown that echinacea shortens colds.", "common cold",
     "echinacea", ["caution:none"], ["benefit:none"]),
    ("Many people take zinc for colds, yet there is little evidence that zinc helps.", "common cold", "zinc",
     ["caution:none"], ["benefit:none"]),
    # ... after the second naming too, and "no proof" denies as "no evidence" does
    ("Honey is often recommended, but honey hasn't been shown to relieve coughs in adults.", "cough", "honey",
     ["caution:none"], ["benefit:none"]),
    ("Cranberry juice is a traditional remedy, but research has found that cranberry juice doesn't prevent UTIs.",
     "urinary tract infection", "cranberr", ["caution:none"], ["benefit:none"]),
    ("While some swear by apple cider vinegar, there's no proof that apple cider vinegar cures heartburn.",
     "heartburn", "vinegar", [], ["benefit:none"]),
    ("Probiotics are safe for most people, but there's no evidence probiotics prevent eczema in children.", "eczema",
     "probiotic", [], ["benefit:children", "benefit:none"]),
    # a caution for some said after the second naming leaves the benefit beside it
    ("Loperamide (Imodium) can slow diarrhoea in adults, but Imodium isn't suitable for children under 12.",
     "norovirus", "loperamide", ["benefit:none", "caution:children"], ["benefit:children"]),
    # a harm said to be rare is denied, not a cause (nor a default benefit); "can rarely cause" still warns
    ("Paracetamol rarely triggers asthma.", "asthma", "paracetamol", [], ["cause:none", "benefit:asthma"]),
    ("Paracetamol seldom causes asthma attacks.", "asthma", "paracetamol", [], ["cause:none", "benefit:asthma"]),
    ("Quinine can rarely cause leg cramps.", "night leg cramps", "quinine", ["cause:none"], ["benefit:none"]),
    ("Aspirin very rarely triggers an asthma attack.", "asthma", "aspirin", [], ["benefit:asthma", "benefit:none"]),
    ("Ibuprofen very rarely causes hives.", "hives", "ibuprofen", [], ["benefit:none"]),
    # a denial in a later part said of it again: "..., but they can dry the lips further, so avoid them"
    ("Balms containing camphor or menthol give a pleasant tingle, but they can dry and irritate the lips further, "
     "so avoid them.", "chapped lips", "menthol", ["caution:none"], ["benefit:none"]),
    ("Peppermint tea feels soothing, but it relaxes the valve, so avoid it.", "heartburn", "peppermint",
     ["caution:none"], ["benefit:none"]),
    # ... not when the part between speaks of another
    ("Honey soothes a cough, but coffee dries the throat, so avoid it.", "sore throat", "honey", ["benefit:none"],
     ["caution:none"]),
    ("Pseudoephedrine (Sudafed) can relieve a blocked nose, but they can raise blood pressure, so avoid them if you "
     "have high blood pressure.", "flu", "pseudoephedrine", ["benefit:none", "caution:hypertension"],
     ["benefit:hypertension"]),
    # denials in other words, in a sentence or a table's cell
    ("Echinacea is a popular herbal remedy, yet large trials found that echinacea did not shorten colds.",
     "common cold", "echinacea", [], ["benefit:none"]),
    ("Melatonin is sold as a sleep aid, but there's not enough evidence that melatonin helps most adults sleep.",
     "insomnia", "melatonin", [], ["benefit:none"]),
    ("Menthol rarely helps a blocked nose, even though it feels like it does.", "blocked nose", "menthol", [],
     ["benefit:none"]),
    ("Remedy | Evidence | Notes\nHoney | Good | Eases a cough\nZinc | Mixed | May shorten a cold\n"
     "Vitamin C | Weak | Unlikely to prevent colds", "common cold", "vitamin c", [], ["benefit:none"]),
    ("Remedy | Does it work? | Safety\nValerian | Not proven to help | Can cause headaches\n"
     "Lavender oil | Not very effective | Safe\nMelatonin | Some evidence | Prescription only", "insomnia",
     "lavender", [], ["benefit:none"]),
    ("Myth | Fact | Source\nVitamin C cures colds | It doesn't | Cochrane review\nFeed a cold | Eat normally | NHS\n"
     "Antibiotics help colds | They don't work on viruses | NICE", "common cold", "vitamin c", [], ["benefit:none"]),
    # ... not a heading's "What Works and What Doesn't"
    ("Head Lice Treatments: What Works and What Doesn't\n\nA head lice lotion kills lice in one go.", "head lice",
     "lotion", ["benefit:none"], []),
    # a benefit by default, nothing said of it, when the next sentence denies it by name: the caution alone
    ("Vitamin C is popular. However, there's no evidence that high doses of vitamin C prevent colds.", "common cold",
     "vitamin c", ["caution:none"], ["benefit:none"]),
    ("Zinc lozenges are widely sold. Zinc isn't suitable for children under 12.", "common cold", "zinc",
     ["benefit:none", "caution:children"], ["benefit:children"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), CASES)
def test_what_the_text_denies(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)
