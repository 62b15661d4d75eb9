"""General English the pattern rules lean on: function words and common verbs (which end a noun
phrase), the head words of preparations ("ointment", "tincture"), modifiers that are not part of
a remedy's name ("freshly squeezed"), words that are never a remedy (body parts, time, people),
and a category suggested for a new remedy from its head word. Nothing here names a condition."""

from __future__ import annotations

import re

from claims.ingest.norm import name_key

FUNCTION = frozenset(
    """a an the this that these those it its they them their there here he she his her you your we our us i me my
    and or but nor so yet as than then if when while because since until unless although though whether
    of in on at to for from by with without within into onto upon over under above below between among through
    during before after about against along around across behind beyond near off out up down per via
    is are was were be been being am do does did done have has had having can could may might must shall should
    will would not no also only just even still very too more most less least much many few some any all each
    every both either neither other another such same own several various certain enough little lot lots plenty
    what which who whom whose how why where
    eat eating eats drink drinking drinks take taking takes taken use using used uses apply applying applied
    consume consuming rub rubbing rubbed make making made prepare prepared add added mix mixed put pour poured
    help helps helping helped need needs needed try trying keep keeping get getting give giving go going
    include includes including contain contains containing contained based become becomes cause causes caused
    lead leads provoke provokes reduce reduces increase increases improve improves relieve relieves eliminate
    recommended recommend advised advise allowed prescribed necessary possible important useful effective good
    better best well especially particularly usually often always never sometimes also already really quite
    regularly daily day days week weeks month months hour hours minute minutes second seconds time times night
    morning evening bed bedtime meal meals food foods products product drinks means method methods way ways
    remedy remedies recipe recipes treatment therapy measure measures procedure procedures option options
    kind kinds type types sort part parts amount amounts quantity quantities number form forms etc e g ie
    one two three four five six seven eight nine ten first second third last next half spoon spoons spoonful
    teaspoon teaspoons tablespoon tablespoons glass glasses cup cups liter liters litre litres gram grams
    piece pieces pinch drop drops tablet tablets example addition therefore rather following according due
    case purpose purposes prevention forget ask hold holding leave leaving left wear wearing worn select selecting
    combat fight choose choosing buy purchase indicated considered called known classified related associated
    allow allows let lets show shows shown see seen find found feel feels felt know think say said tell told
    want wanted like likes start starts started begin begins began stop stops continue continues remain remains
    perform performing performed do doing follow following followed ensure provide provides provided replace
    replaced combine combined serve serves spend spending lie lying sit sitting stand standing walk walks
    brew brewing pour pouring mix mixing insulate soak soaking dip dipped wrap wrapped rinse rinsed strain
    filter filtered boil boiled infuse infused store stored grind ground keep kept come comes came right wrong
    everything nothing something anything everyone someone traditional forget hello dear readers reader lower
    higher folk care appropriate individual everyday relaxing differences difference believe believes look
    moment note chance seat once inhale inhaling don't switch set limit skip instead avoid""".split()
)
# Words said for one another in advice, each group read as its first word when a name of several
# words is looked for in other words ("leg elevation" is "raise your limbs"): plain English, no
# condition's words.
SYNONYMS = (
    "elevation elevate elevated raise raised raising lift lifted lifting higher",
    "leg legs limb limbs extremities",
    "reduce reduction reducing minimize minimise limit limiting decrease cut restrict",
    "revision revise change changing adjust adjustment review modify",
    "stress stressful worries anxiety",
    "exercise exercises gymnastics workout",
    "diet nutrition",
    "shoes shoe footwear boots",
    "warm warming warmth",
)
# What a preparation is called after: "celandine ointment", "thyme infusion", "viburnum bark".
HEADS = frozenset(
    """tincture tinctures ointment ointments oil oils decoction decoctions infusion infusions juice juices tea teas
    gel gels cream creams balm balms extract extracts powder compress compresses bath baths syrup vinegar brine
    soap leaf leaves bark root roots flowers blossom seeds seed porridge germ insoles stockings socks shoes
    underwear pad shower""".split()
)
_HEAD_KEYS = frozenset(name_key(word) for word in HEADS)
_APPLIED = frozenset(
    name_key(w) for w in "bath baths compress ointment cream gel balm shower massage exercises".split()
)
DOSAGE_FORMS = ("ointment", "gel", "cream", "balm", "compress", "bath")
# Words in front of a remedy's name that describe the portion, not the remedy.
MODIFIERS = frozenset(
    """fresh freshly squeezed salted warmed cold natural plain medical special concentrated diluted
    ordinary regular simple pure homemade home small large big whole grated chopped peeled boiled
    dry light strong good excellent popular effective firm gentle slight""".split()
)
# A temperature is part of what is applied ("a cold compress" is not "a warm compress"), not of
# what is eaten ("cold milk" is milk).
_TEMPERATURES = frozenset("cold warm warmed hot cool icy".split())
_THERMAL = frozenset("compress compresses bath baths shower showers pack packs wrap wraps towel soak".split())


def describes_portion(word: str, head: str) -> bool:
    """Whether `word`, in front of a name ending in `head`, describes the portion and is no part
    of the name: "freshly squeezed" juice, "plain" water, but not the "cold" of a cold compress."""
    return word in MODIFIERS and not (word in _TEMPERATURES and head in _THERMAL)


_BODY = """
    foot feet leg legs calf calves muscle muscles toe toes knee knees heel heels ankle ankles thigh hand hands finger
    fingers thumb skin body limb limbs arm arms back head lip area spot place site point points floor wall ground
    tendon tendons ligament ligaments cartilage bone bones cloth cotton rug carpet
    surface side edge center middle blood vessel vessels vein veins nerve nerves joint joints tissue tissues
    """
BODY = frozenset(name_key(word) for word in _BODY.split())
_LIMBS = frozenset(name_key(w) for w in "hand foot feet leg arm finger toe head lip".split())
_NOT_REMEDIES = (
    _BODY
    + """
    yes no maybe sometimes shouldn't can't cannot won't don't doesn't isn't aren't mustn't wouldn't
    spasm spasms seizure seizures attack attacks pain symptom symptoms disease diseases problem
    doctor doctors specialist patient patients person people man men woman women child children baby
    pharmacist pharmacists nurse nurses midwife midwives gp dentist dentists therapist physiotherapist
    water liquid fluid mixture composition component components ingredient ingredients substance substances
    element elements vitamin vitamins mineral minerals microelement microelements macronutrient nutrient nutrients
    drug drugs medication medications medicine medicines preparation preparations pill pills agent agents
    herb herbs plant plants raw material materials product products food foods diet nutrition
    position rest sleep condition state effect action result level levels course dose doses
    glass jar bottle container bucket cloth towel bandage spoon cup
    smaller larger bigger fewer lighter heavier more less frequent
    solution solutions pressure hormone hormones portion portions belief myth myths maximum minimum handful book
    straight avoid long longer time care note place part turns stick
    study studies research evidence trial trials expert experts tip tips measure measures step steps
    thing things change changes advice treatment treatments remedy remedies method methods option options
    """
)
NOT_REMEDIES = frozenset(name_key(word) for word in _NOT_REMEDIES.split())
# What a complaint is called: "migraine pains", "muscle spasms" name the trouble, not a remedy.
_COMPLAINTS = frozenset(name_key(w) for w in "pain ache spasm symptom attack".split())
_CATEGORY_WORDS = (
    ("topical", r"ointment|gel|cream|balm|compress|rub|lotion|oil\b|oils\b|soap|vaseline|apply|rubb?"),
    ("herbal_folk", r"tincture|decoction|infusion|herb|leaf|leaves|bark|root|flower|blossom|tea\b|brine|plant"),
    ("drug", r"drug|medication|medicine|tablet|pill|therapy|agent|preparation|inhibitor|blocker"),
    ("supplement", r"vitamin|mineral|supplement|complex"),
    ("device_garment", r"socks|shoes|insoles|stockings|underwear|tights|pad\b|bandage|orthos"),
    ("procedure", r"bath|shower|therapy|puncture|injection"),
)


_CONDITION = re.compile(
    r"(?:itis|osis|emia|aemia|pathy|pathies|plegia|algia|ism)$|syndrome|disease|disorder|injur|failure|"
    r"deficien|insufficien|dysfunction|hypothermia|dehydration|obesity|overweight|stress|fatigue|pregnan|"
    r"varicose|diabet|hypertension|hypotension|tumou?r|infection|inflammation|fever|load|loads|inactivity|"
    r"circulation|conditions?$|lactic|ulcer|asthma"
)


def not_a_remedy(name: str, condition: tuple[str, ...] = ()) -> bool:
    """A name that is a body part, a person, a generic word or a condition (or a word of the
    article's `condition`, its words given), never a remedy."""
    key = name_key(name)
    if not key or key in NOT_REMEDIES or key in _HEAD_KEYS or key in condition:
        return True
    words = key.split()
    if words[-1] in _COMPLAINTS or any(_CONDITION.search(word) for word in words):
        return True
    # "nerve roots", "muscle tissue", "the opposite hand": anatomy; but "foot bath", "leg
    # exercises": what is done to it, and "shark cartilage": what is taken.
    return words[-1] not in _APPLIED and (any(word in BODY for word in words[:-1]) or words[-1] in _LIMBS)


def category_for(name: str, context: str = "") -> str:
    """The category a new remedy most likely has, from its name's words and the verb that took it."""
    for category, pattern in _CATEGORY_WORDS:
        if re.search(pattern, name):
            return category
    if re.search(r"\b(?:rub|apply|lubricat|smear|wip)", context):
        return "topical"
    if re.search(r"\bwear\b", context):
        return "device_garment"
    return "food_drink"
