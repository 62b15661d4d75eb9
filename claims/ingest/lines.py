"""What a line of an article is, read alone or beside its neighbours: a title over the lines under
it, an item of a list without markers, a name without a verb, a line that breaks off its
sentence. Read by the segmenter (claims.ingest.segments) before it cuts sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.ingest.details import populations

# The words a yes/no question opens with ("Do ear candles work?", "Is magnesium harmful?")
AUXILIARIES = r"(?:can|could|is|are|does|do|did|should|will|would|may|might|has|have)\b"
# A yes/no question as a line: "Do ear candles work?", "**Is it safe?**", "Q: Can I take it?"
YES_NO = re.compile(rf"[\W_]*(?:q\W+)?{AUXILIARIES}[^?]*\?[\W_]*", re.IGNORECASE)

WORD = re.compile(r"\w+")
_HEADING_WORDS = 12
_TITLE_WORDS = 6
_SUBTITLE_WORDS = 8
_ITEM_WORDS = 6
# What a list's label says, never an item: "What is safe", "Instead", "Recommended", "Triggers".
_LABEL_WORDS = re.compile(
    r"\b(?:what|which|how|where|why|avoid|instead|safe|safer|unsafe|recommended|triggers?|helps?|try|these|following|fine|options?|"
    r"alternatives?|choices|"
    r"enjoy|not|never|no|don't|do not|answers?|questions?)\b",
    re.IGNORECASE,
)
# A line broken before its sentence ends: "Many doctors now advise against\nQuinine at night."
_LINKING = "and|or|the|a|an|of|with|to|for|in|on|at|by|from|than"  # a line that ends on one goes on
_WRAPPED = re.compile(rf"\b(?:{_LINKING}|against|about)$", re.IGNORECASE)
# ... or after a verb whose object is on the next line ("Doctors no longer prescribe\nQuinine"), unless
# the line is a label ("What not to take\nQuinine.", "Foods to avoid\nCoffee.").
# Not a verb that is an order of its own after a stop: "Makes reflux worse; avoid\nChamomile tea".
_WRAPPED_VERB = re.compile(
    r"(?<![;:,.]\s)(?<![;:,.])\b(?:avoid|prescribe|recommend|take|give|use|try|include|eat|drink)$", re.IGNORECASE
)
_LABEL = re.compile(
    r"\W*(?:what|which|how|foods?|drinks?|things?|medicines?|medications?|drugs?|remedies|habits?|tips|products?)\b",
    re.IGNORECASE,
)
# A title may name things by what they do: "Drugs that can cause attacks", "Foods that help".
_NAMED_BY_CLAUSE = re.compile(r"[A-Z][\w-]*(?: [\w-]+){0,2} (?:that|which)\b")
# A fragment of a sentence, not a title: "Besides avoiding triggers\nMagnesium ..."
_FRAGMENT = re.compile(
    r"(?:besides|apart from|along with|in addition to|as well as|instead of|rather than|unlike|after|before|while|"
    r"although|though|because|since|when|if|unless|until|so|and|or|but|then)\b",
    re.IGNORECASE,
)
_RUNS_ON = re.compile(rf"\b(?:{_LINKING}|but|then|so|as)$", re.IGNORECASE)  # ... and titles nothing
_NUMBERED = re.compile(r"[ \t]*(?:#?\d{1,2}[.)]|\(\d{1,2}\))")
# A line that orders or claims ("Drink water", "Magnesium helps") says something; a title names.
_CLAIM = re.compile(
    r"^(?:take|drink|eat|apply|rub|use|make|do|put|wear|try|avoid|keep|stop|get|go)\b|"
    r"\b(?:helps?|works?|prevents?|relieves?|treats?|reduces?|eases?|stops?|causes?)\b",
    re.IGNORECASE,
)
# ... of a name without a verb, a verb that says: "Antacids relieve the burning", not "Shift work".
_SAYS = re.compile(
    r"^(?:take|drink|eat|apply|rub|use|make|do|put|wear|try|avoid|keep|stop|get|go)\b|"
    r"\b(?:helps?|works|prevents?|relieves?|treats?|reduces?|eases?|stops?|causes?|soothes?|calms?|neutrali[sz]es?"
    r"|lowers?|brings? down|settles?|clears?|numbs?|shortens?)\b",
    re.IGNORECASE,
)
_VERB = re.compile(r"\b(?:is|are|was|were|will|can|could|should|must|may|has|have|had)\b", re.IGNORECASE)
# An order on a line of its own titles what it orders: "Avoid these", "Don't", "Never"; "Do", "These may help".
BARE_REFUSAL = re.compile(
    r"\W*(?:please\s+)?(?:avoid|skip|don['’]?ts?|do not|never|not|(?:what|things) not to do|(?:don['’]t|do not) do"
    r"(?: this| these| that)?|steer clear|stay away)"
    r"(?: (?:these|this|them|the following|ever))?\W*",
    re.IGNORECASE,
)
_BARE_ORDER = re.compile(
    r"\W*(?:do|try|instead|(?:these|this|they) (?:\w+ )?(?:helps?|works?))(?: (?:these|this|instead))?\W*",
    re.IGNORECASE,
)


# "Common causes", "Triggers": a noun that names what follows, though "causes" can be a verb.
WHICH_CAUSES = r"(?:(?:common|main|possible|other|typical|usual|the|known)\s+)*"  # "the main ..."
_CAUSES = re.compile(rf"\W*{WHICH_CAUSES}(?:causes|triggers|reasons|risk factors|culprits)\W*", re.IGNORECASE)


_GOOD_WORDS = re.compile(
    r"\b(?:fix\w*|remed\w*|relie\w*|help\w*|treat\w*|cure\w*|sooth\w*|eas(?:e|es|ed|ing)|tips?)\b", re.IGNORECASE
)
_KIND_BY_EXAMPLES = re.compile(
    r"\W*(?:some|certain|many|other|several|most)\s+[\w-]+(?:\s+[\w-]+)?,?\s+"
    r"(?:for example|such as|e\.g\.|including|like|especially|particularly|notably)\b",
    re.IGNORECASE,
)


@dataclass
class Line:
    start: int
    end: int  # without the newline
    body: int  # where the text starts, after any list marker
    kind: str  # blank | item | row | rule | heading | text
    label: str = ""  # an item's own label, when the lines over it do not give it: a "Don't" column's


def bare_lists(text: str, lines: list[Line]) -> None:
    """Short lines one under another, each a name without a verb, under a line that introduces
    them ("Foods to avoid\nDark chocolate\nOrange juice\nSpicy food"): the items of a list without
    markers, as an extractor leaves a page's list. At least two, right under their label."""
    index = 1
    while index < len(lines):
        label = lines[index - 1]
        run = index
        # under "Common causes", lines without a stop are its items, though they say more ("Biting
        # the inside of your cheek", "Stopping smoking, which can cause ulcers for a short time")
        causes = label.kind == "text" and _CAUSES.fullmatch(text, label.start, label.end)
        # after two short items, a longer one that names a kind by its examples goes on the list too
        # ("Dehydration\nPregnancy\nSome medicines, for example diuretics and statins"); not a line
        # of its own ("Our favourite natural remedy for hay fever: local honey")
        while run < len(lines) and lines[run].kind == "text":
            line = text[lines[run].start : lines[run].end]
            longer = (
                run - index >= 2
                and _KIND_BY_EXAMPLES.match(line)
                and not _GOOD_WORDS.search(line)  # "Some simple fixes like saline rinses"
                and fragment(line, _HEADING_WORDS)
            )
            # ... not the last ("Common causes\nStress\nRelief from a warm bath and massage"), nor good
            said = causes and _cause_named(line) and run + 1 < len(lines) and lines[run + 1].kind == "text"
            if causes and fragment(line) and _GOOD_WORDS.search(line):
                break  # "Treatment" over what helps ends the causes
            if not (fragment(line) or longer or said):
                break
            run += 1
        if label.kind == "text" and run - index >= 2 and not fragment(text[label.start : label.end]):
            for item in lines[index:run]:
                item.kind = "item"
        index = max(run, index + 1)


def _cause_named(line: str) -> bool:
    """A line under "Common causes" that names one by a doing ("Biting your cheek", "Stopping
    smoking, which can cause ulcers"), by its examples ("Some medicines, including ibuprofen") or
    with when it is one; not advice ("Rinse with salt water", "A warm bath before bed")."""
    stripped = line.strip()
    return (
        bool(_DOING.match(stripped) or _KIND_BY_EXAMPLES.match(stripped) or _QUALIFIED.match(stripped))
        and stripped[-1] not in "!?:;,"
        and len(WORD.findall(stripped)) <= _CAUSE_WORDS
        and not _GOOD_WORDS.search(stripped)
        and not _ADVISES.search(stripped)
        and not _VERB.search(_WHICH.sub("", stripped))  # "Paracetamol, which is safe, is the best first choice."
    )


_CAUSE_WORDS = 16
# ... what advice says, a cause never: "the first thing to try", "work best", "protects the skin"
_ADVISES = re.compile(
    r"\b(?:try|tried|works?|best|first choice|safe|safer|heal\w*|protect\w*|gentle\w*|options?|alternatives?"
    r"|speeds? up|recommend\w*|prescrib\w*|enough|soothes?|calms?|clears?)\b",
    re.IGNORECASE,
)
_WHICH = re.compile(r",\s*which\b[^,]*(?:,|$)", re.IGNORECASE)  # "Stopping smoking, which can cause ulcers"
_DOING = re.compile(r"[A-Z][a-z]+ing\b")
# ... or a name and what it is when: "The contraceptive pill, especially in the week before a period",
# "Peppermint, which relaxes the valve", "Decongestant sprays like xylometazoline used for a week"
_QUALIFIED = re.compile(
    r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?(?:,\s*|\s+)(?:especially|particularly|mainly|such as|including|like|which)\b"
)


def says(text: str) -> bool:
    """Whether a short piece says something of its own ("Aspirin eases headaches."), rather than
    names ("Smoking and alcohol.")."""
    return bool(_SAYS.search(text) or _VERB.search(text))


def fragment(line: str, most: int = _ITEM_WORDS) -> bool:
    """A short line (of `most` words at most) without a verb that names rather than says: "Dark
    chocolate", "Alcohol before bed." (not a label: "What is safe", "Instead, try:")."""
    stripped = line.strip()
    return (
        stripped[:1].isupper()
        and len(WORD.findall(stripped)) <= most
        and stripped[-1] not in ":?!,;"
        and not _SAYS.search(stripped)
        and not _VERB.search(stripped)
        and not _LABEL_WORDS.search(stripped)
        and not _NAMED_BY_CLAUSE.match(stripped)  # "Foods that make it worse" labels a list
    )


def numbered_title(text: str, lines: list[Line], i: int) -> bool:
    """ "1. Baking soda", alone on its line, over the paragraph that says what it does: the title
    of a section, not an item of a list (whose next line would be another item)."""
    line = lines[i]
    if (i > 0 and lines[i - 1].kind != "blank") or i + 1 == len(lines) or lines[i + 1].kind != "blank":
        return False
    following = next((other for other in lines[i + 1 :] if other.kind != "blank"), None)
    preceding = next((other for other in reversed(lines[:i]) if other.kind != "blank"), None)
    introduced = preceding is not None and text[preceding.start : preceding.end].rstrip().endswith(":")
    if preceding is not None and (preceding.kind == "item" or introduced):
        return False  # a list spaced out by blank lines: "1. Oats\n\n2. Milk\n\nBoth help.", "Try to:\n\n1. eat"
    body = text[line.body : line.end].strip()
    if not _NUMBERED.match(text, line.start, line.body) or not body[:1].isupper() or _CLAIM.search(body):
        return False  # a bullet, a line that goes on in lower case, an order or a claim is no title
    words = WORD.findall(body)
    return (
        following is not None
        and following.kind == "text"
        and 0 < len(words) <= _TITLE_WORDS
        and body[-1] not in ".;,:!?"
        and not _VERB.search(body)
    )


# "Aspirin: not for anyone under 16\nIbuprofen: ask first ...": entries of one list, neither the other's title
_ENTRY = re.compile(r"[\w'’ -]{1,40}:\s+\S")


def titles_within(text: str, lines: list[Line]) -> tuple[list[tuple[int, str]], set[int]]:
    """The short lines of a paragraph that title what follows them with no blank line between
    ("Triggers\nRed wine and aged cheese ...", "Foods to avoid:\nCoffee ...", "Quinine\nNot
    recommended."), each with where it ends: still a sentence of its own, and the title of the
    sentences under it in its paragraph, beside the heading above (a title under a title joins it:
    "Medicines to avoid / For children"); and where every title line ends, each of a chain too. A
    line that orders or claims, ends a sentence, or runs on titles nothing."""
    titles, ends = [], set()
    for previous, line, following in zip([None, *lines], lines, lines[1:], strict=False):
        whole = text[line.start : line.end].strip()
        stripped = whole.removesuffix(":").rstrip()
        after = text[following.start : following.end].lstrip()
        before = "" if previous is None else text[previous.start : previous.end].rstrip()
        # a flattened table's cell ("High in salt; avoid if ...\nVitamin E\nNo good evidence") ends without a stop
        ended = (
            previous is None
            or before.endswith((".", "!", "?", ":"))
            or (
                len(WORD.findall(stripped)) <= 3
                and fragment(stripped)
                and not wrapped(before)
                and not _RUNS_ON.search(before)
            )
        )
        # "Medicines to avoid\nFor children\nAspirin and codeine.": a title under a title adds to it
        under_title = bool(titles and previous is not None and titles[-1][0] == previous.end)
        if (
            (ended or under_title)
            and _starts_upper(stripped)  # "**Don't**" too
            and after[:1].isupper()
            and len(WORD.findall(stripped)) <= _SUBTITLE_WORDS
            and not stripped.endswith("?")
            and "," not in stripped
            and ";" not in stripped
            and not _RUNS_ON.search(stripped)
            and not _FRAGMENT.match(stripped)
            and not (_ENTRY.match(stripped) and _ENTRY.match(after) and not populations(stripped.split(":")[0]))
            and looks_like_heading(stripped)
            and (
                _NAMED_BY_CLAUSE.match(stripped)
                or BARE_REFUSAL.fullmatch(stripped)
                or _BARE_ORDER.fullmatch(stripped)
                or _CAUSES.fullmatch(stripped)
                or not (_CLAIM.search(stripped) or _VERB.search(stripped))
            )
        ):
            titles.append((line.end, f"{titles.pop()[1]} / {whole}" if under_title else whole))
            ends.add(line.end)
    return titles, ends


def _starts_upper(line: str) -> bool:
    letter = next((c for c in line if c.isalnum()), "")
    return letter.isupper()


def looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if stripped[-1] in ".;,:!" or len(WORD.findall(stripped)) > _HEADING_WORDS:
        return False
    # "Most often, the first drugs prescribed are vitamin complexes" is a sentence without its full
    # stop; "About proper nutrition, medications and techniques" is a heading.
    return ", " not in stripped or (len(WORD.findall(stripped)) <= 8 and not _VERB.search(stripped))


def continues(text: str, line: Line) -> bool:
    """A line without a marker that carries on the item above it (starts in lower case)."""
    stripped = text[line.start : line.end].lstrip()
    return bool(stripped) and (stripped[0].islower() or stripped[0] in ",;:)–—-")


def wrapped(line: str) -> bool:
    """Whether a line breaks off its sentence: after a comma, a preposition, or a verb whose object
    is on the next line, unless the line is a label ("What not to take", "Heartburn: what to eat")."""
    if line.endswith((",", ";", "-", "–", "(")):
        return True
    words = len(WORD.findall(line))
    if words >= 2 and _WRAPPED.search(line):
        return True
    return words >= 3 and ":" not in line and bool(_WRAPPED_VERB.search(line)) and not _LABEL.match(line)
