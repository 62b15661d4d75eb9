"""Conditions: what an article and its claims are about. Nothing here knows any one condition."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from django.core.exceptions import ValidationError

from claims.models import ClaimKind, Condition, Population

MAX_NAME = Condition._meta.get_field("name").max_length
SLUG_WORDS = 180  # of the slug's 200 characters: the rest for a checksum


def condition_slug(name: str) -> str:
    """The API's name for a condition: its ASCII words joined by hyphens ("night-leg-cramps"). A
    slug never stands for two names: when the name has letters ASCII cannot spell (β-thalassaemia,
    изжога) or is too long to keep whole, a checksum of the name is added; spacing, case and
    punctuation alone do not make another condition ("Night leg-cramps" is night leg cramps)."""
    folded = " ".join(name.casefold().split())
    words = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    lossless = not re.search(r"[^\x00-\x7f]", folded) and len(words) <= SLUG_WORDS
    if words and lossless:
        return words
    checksum = hashlib.sha256(folded.encode()).hexdigest()[:12]
    return f"{words[:SLUG_WORDS].strip('-') or 'condition'}-{checksum}"


# A condition's name is words: letters of any script, digits, "_" (a slug typed as a name) and the
# marks of a medical name ("type 2 diabetes", "Crohn's disease", "β-thalassaemia", "reflux (GERD)",
# "Ehlers–Danlos syndrome", "hand, foot & mouth disease", "HER2+ breast cancer").
_NAME_MARK = re.compile(r"[^\w\s'‘’().,/&+–—-]")
LONGEST_WORD = 40


def clean_condition_name(name: str, *, field: str = "condition") -> str:
    """The name as stored (single spaces, compatibility forms folded: fullwidth "ｉｎｓｏｍｎｉａ" is
    insomnia); a clear error names `field` when it is empty, too long, not words, or has a word
    of letters from two scripts (a Cyrillic "і" in "іnsomnia" would make a look-alike condition)."""
    cleaned = " ".join(unicodedata.normalize("NFKC", name or "").split())
    if not cleaned:
        raise ValidationError({field: "Name the condition the article is about, e.g. “heartburn”."})
    if len(cleaned) > MAX_NAME:
        raise ValidationError({field: f"A condition's name has at most {MAX_NAME} characters ({len(cleaned)} given)."})
    mark = _NAME_MARK.search(cleaned)
    if mark or not any(c.isalpha() for c in cleaned):
        shown = f"“{mark.group(0)}”" if mark else "no letter"
        raise ValidationError({field: f"A condition's name is words ({shown} in “{cleaned[:60]}”), e.g. “heartburn”."})
    if sum(c.isalpha() for c in cleaned) < 2:
        raise ValidationError({field: f"“{cleaned}” is too short to name a condition."})
    if longest := next((w for w in re.findall(r"\w+", cleaned) if len(w) > LONGEST_WORD), None):
        raise ValidationError({field: f"“{longest[:20]}…” is not a word of a condition's name."})
    if mixed := next((w for w in re.findall(r"\w+", cleaned) if len(_scripts(w)) > 1), None):
        scripts = " and ".join(sorted(_scripts(mixed)))
        raise ValidationError({field: f"“{mixed[:40]}” mixes {scripts} letters: write it in one script."})
    return cleaned


def _scripts(word: str) -> set[str]:
    """The scripts of a word's letters, by their Unicode names' first word (LATIN, CYRILLIC, ...)."""
    return {unicodedata.name(c, "?").split()[0].title() for c in word if c.isalpha()}


def _compact(name: str) -> str:
    """A name's words run together, each in the singular, a possessive dropped: "head ache",
    "Headaches" and "headache" are one condition, so are "UTIs" and "UTI", "Down's syndrome" and
    "Down syndrome". Numbers stay apart ("B1 2" is not "B12"), and a short word keeps its s
    ("Hepatitis As" is not hepatitis A)."""
    key = ""
    for word in re.findall(r"\w+(?:['’‘]\w+)*", unicodedata.normalize("NFKC", name)):
        word = re.sub(r"['’‘]s$", "", word)
        if re.fullmatch(r"[A-Z]{2,}s", word):  # an acronym's plural
            word = word[:-1]
        word = word.casefold() if word.isupper() else _singular(word.casefold())  # "AIDS" is no plural
        key += (" " if key[-1:].isdigit() and word[:1].isdigit() else "") + word
    return key


def condition_key(name: str) -> str:
    """What two names of one condition share (case, spacing, plurals and possessives aside):
    "headaches", "Head ache" and the slug "headache" give one key."""
    return _compact(name.replace("-", " "))


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("aches"):  # headaches, backaches
        return word[:-1]
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def find_condition(name: str) -> Condition | None:
    """The condition of that name, in any case, spacing, punctuation or number ("Night
    leg-cramps" finds night leg cramps, "head ache" and "headaches" find headache), or of that
    slug."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        return None
    found = (
        Condition.objects.filter(name__iexact=cleaned).first()
        or Condition.objects.filter(slug=condition_slug(cleaned)).first()
        or Condition.objects.filter(slug=cleaned.lower()).first()
    )
    if found is None and (key := _compact(cleaned)):
        same = [pk for pk, other in Condition.objects.values_list("pk", "name") if _compact(other) == key]
        found = Condition.objects.filter(pk=min(same)).first() if same else None
    return found


def condition_named(name: str, *, field: str = "condition") -> Condition:
    """The condition of that name, created when new. Call inside the service's transaction: the
    new condition is part of what that service records."""
    existing = find_condition(name)
    if existing is not None:  # known, whatever rules its name was made under
        return existing
    cleaned = clean_condition_name(name, field=field)
    condition = Condition(name=cleaned, slug=condition_slug(cleaned))
    condition.full_clean()
    condition.save()
    return condition


_STATEMENTS = {  # (said of one, said of several)
    ClaimKind.RELIEF: (
        "{remedy} brings relief during an episode of {condition}",
        "{remedy} bring relief during an episode of {condition}",
    ),
    ClaimKind.TREATMENT: ("{remedy} treats {condition}", "{remedy} treat {condition}"),
    ClaimKind.PREVENTION: ("{remedy} prevents {condition}", "{remedy} prevent {condition}"),
    ClaimKind.CAUSE: ("{remedy} can provoke {condition}", "{remedy} can provoke {condition}"),
    ClaimKind.CAUTION: (
        "{remedy} needs caution when used for {condition}",
        "{remedy} need caution when used for {condition}",
    ),
}
# Names whose last word ends in -s and still names one thing: "hibiscus", "mindfulness", "molasses".
_SINGULAR_ENDINGS = ("ss", "us", "is", "ness", "ous", "sis")
_SINGULAR_NAMES = frozenset("molasses news series species means".split())


def _plural(name: str) -> bool:
    last = name.lower().split()[-1] if name.strip() else ""
    return last.endswith("s") and not last.endswith(_SINGULAR_ENDINGS) and last not in _SINGULAR_NAMES


def default_statement(remedy: str, kind: str, population: str | None, condition: str) -> str:
    """A claim's statement worded from what it asserts, when nobody wrote one; the verb agrees with
    a plural name ("Antacids bring relief ...")."""
    template = _STATEMENTS[ClaimKind(kind)][_plural(remedy)]
    text = template.format(remedy=remedy[:1].upper() + remedy[1:], condition=condition)
    who = f" ({Population(population).label.lower()})" if population else ""
    return f"{text}{who}."
