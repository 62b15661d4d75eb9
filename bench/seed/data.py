"""The texts and choices the seeded claims are drawn from, besides the real catalogue's."""

KINDS = ("relief", "treatment", "prevention", "cause", "caution")
POPULATIONS = (
    "pregnancy", "children", "elderly", "athletes", "varicose_veins", "thrombophlebitis", "diabetes",
    "hypotension", "heart_disease", "kidney_disease", "liver_disease", "gastrointestinal", "flat_feet", "sedentary",
)
CERTAINTY_WEIGHTS = {"high": 10, "moderate": 25, "low": 35, "very_low": 30}
RECOMMENDATIONS = ("strong_for", "conditional_for", "conditional_against", "strong_against", "insufficient_evidence")
DOWNGRADES = ("risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias")
UPGRADES = ("large_effect", "dose_response", "plausible_confounding")
LEVELS = ("very_low", "low", "moderate", "high")  # lowest first: a certainty's index is its number of ⊕
LABELS = {"high": "High", "moderate": "Moderate", "low": "Low", "very_low": "Very low"}

# (name, direction, relative measure or None, absolute unit or None, effect in words or None): the
# outcomes a claim's Summary of Findings is drawn from (its first is critical, with the review's
# certainty; the others important or less, at least as certain).
OUTCOMES = [
    ("Cramp frequency (cramps over two weeks)", "benefit", "MD", "cramps in 2 weeks",
     "About two and a half fewer cramps in two weeks."),
    ("Cramp intensity", "benefit", "SMD", None, "A small reduction in intensity on a 10-point scale."),
    ("Nights with cramps", "benefit", "RR", "per 1,000", None),
    ("Minor adverse events", "harm", "RR", "per 1,000", "More gastrointestinal upset and tinnitus."),
    ("Serious adverse events", "harm", "RR", "per 1,000", None),
    ("Quality of sleep", "benefit", None, None, "No difference on the Pittsburgh Sleep Quality Index."),
]

# (title, kind, year, pmid, doi, url): the demo library plus a few more of the same kind.
REFERENCES = [
    ("Quinine for muscle cramps (Cochrane review, El-Tawil et al.)", "systematic_review", 2015, "25842375",
     "10.1002/14651858.CD005044.pub3", None),
    ("Assessment: symptomatic treatment for muscle cramps (AAN, Katzberg et al.)", "guideline", 2010, "20177124",
     "10.1212/WNL.0b013e3181d0ccca", None),
    ("Magnesium for skeletal muscle cramps (Cochrane review, Garrison et al.)", "systematic_review", 2020, None,
     "10.1002/14651858.CD009402.pub3", None),
    ("Nocturnal leg cramps (AAFP, Allen & Kirby)", "guideline", 2012, "22963024", None, None),
    ("Stretching before sleep reduces nocturnal leg cramps (Hallegraeff et al.)", "study", 2012, "22341378", None,
     None),
    ("Calf stretching for nocturnal leg cramps (Coppin et al.)", "study", 2005, "15808033", None, None),
    ("Pickle juice and electrically induced muscle cramps (Miller et al.)", "study", 2010, None,
     "10.1249/MSS.0b013e3181c0647e", None),
    ("Greater celandine hepatotoxicity (Teschke et al.)", "study", 2012, "23109446", None, None),
    ("Camphor poisoning: evidence-based practice guideline (Manoguerra et al.)", "guideline", 2006, None,
     "10.1080/15563650600671696", None),
    ("Qualaquin (quinine sulfate) label: boxed warning", "label", 2019, None, None,
     "https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/021799s020lbl.pdf"),
    ("Drug Safety Communication: new risk management plan for quinine", "label", 2010, None, None,
     "https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-quinine"),
    ("Vitamin K2 for nocturnal leg cramps in older adults (randomized trial)", "study", 2024, "39348078", None, None),
]

CONDITIONS = [
    ("Kidney disease (eGFR below 30 mL/min)", "condition", "absolute", "label"),
    ("Pregnancy", "population", "relative", "guideline"),
    ("Breastfeeding", "population", "caution", "label"),
    ("Children under 12", "population", "relative", "label"),
    ("Potassium-sparing diuretics (spironolactone)", "interacting_drug", "absolute", "label"),
    ("ACE inhibitors", "interacting_drug", "relative", "label"),
    ("Thrombocytopenia or history of HUS/TTP", "condition", "absolute", "regulator"),
    ("QT prolongation or arrhythmia", "condition", "absolute", "regulator"),
    ("Warfarin and other vitamin K antagonists", "interacting_drug", "relative", "study"),
    ("Liver disease", "condition", "relative", "study"),
    ("Peptic ulcer or gastrointestinal bleeding", "condition", "relative", "guideline"),
    ("Open wounds or broken skin at the site", "condition", "absolute", "guideline"),
    ("Varicose veins or thrombophlebitis", "condition", "caution", "guideline"),
    ("Diabetes with peripheral neuropathy", "condition", "caution", "guideline"),
    ("Hypotension", "condition", "caution", "study"),
    ("Tetracycline and fluoroquinolone antibiotics", "interacting_drug", "caution", "label"),
    ("Bisphosphonates", "interacting_drug", "caution", "label"),
    ("Heart failure", "condition", "relative", "guideline"),
    ("Myasthenia gravis", "condition", "absolute", "label"),
    ("Glucose-6-phosphate dehydrogenase deficiency", "condition", "absolute", "label"),
    ("Elderly with falls risk", "population", "caution", "guideline"),
    ("Hyperkalaemia", "condition", "absolute", "label"),
    ("Hypercalcaemia or kidney stones", "condition", "relative", "study"),
    ("Alcohol use", "interacting_drug", "caution", "study"),
]
RATIONALES = [
    "Serious and life-threatening haematologic reactions have been reported; the risk outweighs a modest "
    "reduction in cramp frequency.",
    "Accumulation is likely when renal clearance is reduced; levels can reach the toxic range within days.",
    "No safety data in this group; the label advises against use unless a physician supervises it.",
    "The interaction raises serum potassium; case reports describe arrhythmia and cardiac arrest.",
    "Hepatotoxicity has been reported in case series, including cases needing transplantation.",
    "Local application on damaged skin increases absorption and the risk of systemic toxicity.",
]
SUMMARIES = [
    "Cochrane 2015 (23 trials, 1,586 participants): cramp number -28 %, low certainty; serious haematologic "
    "harms (FDA boxed warning) outweigh the modest benefit.",
    "RCTs conflict: Hallegraeff 2012 (n = 80, 1.2 fewer cramps a night) against Coppin 2005 (n = 191, no "
    "effect at 12 weeks); harmless.",
    "One study of 10 dehydrated men with electrically induced cramps (Miller 2010): indirect for night cramps.",
    "Cochrane 2020 (11 trials): magnesium is unlikely to provide clinically meaningful cramp prophylaxis in older "
    "adults; evidence in pregnancy conflicts.",
    "No study of this remedy for leg cramps was found; the claim rests on tradition and the article's say-so.",
    "Plausible mechanism but only observational data; benefit uncertain, harms minor at ordinary doses.",
]
DOMAIN_RATIONALES = [
    "95 % CI -1.36 to -3.54 cramps per 2 weeks; small trials.",
    "Many small crossover trials with unclear allocation.",
    "Studied in healthy young volunteers with induced cramps, not in older adults with night cramps.",
    "Results range from no effect to a large effect; heterogeneity unexplained.",
    "Funnel plot asymmetry; several small positive trials from a single group.",
    "Effect seen only at the highest dose, in a single trial.",
]
NOTES = ["Efficacy estimates", "Avoid for routine use", "Harms", None, "Dose used in the trials", None]
