"""The names the proposer looks for: the catalogue's remedies and aliases (given as plain data, so
a benchmark can leave an article's own names out), the brand table, the table of everyday
remedies and the offline drug-name lexicon. One Aho-Corasick automaton holds every catalogue,
brand and everyday name with its plural and, for maneuvers and lifestyle measures, its verb forms
("stretching" is also "stretch the muscle")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import ahocorasick

from claims.ingest.brands import Brand
from claims.ingest.drugnames import CLASS, DRUG
from claims.ingest.everyday import EverydayRemedy
from claims.ingest.norm import fold, name_key, plural_forms, spelling_key
from claims.ingest.phrasings import PhrasingIndex
from claims.ingest.recipes import Recipe, recipes
from claims.ingest.scattered import NameBags, name_bags

CATALOGUE, BRAND, EVERYDAY, DRUG_LEXICON = "catalogue", "brand", "everyday", "drug_lexicon"
PATTERN, PHRASING = "pattern", "phrasing"
_VITAMIN = re.compile(r"vitamin ([a-k](?:\d{1,2})?)", re.IGNORECASE)
_ACTIONS = frozenset(("maneuver", "lifestyle", "procedure"))
_SUBSTANCES = frozenset(("food_drink", "drug", "supplement", "herbal_folk"))
_ACTIVE = frozenset(("drug", "supplement"))
_MIN_FUZZY = 5  # names shorter than this are never matched fuzzily: one letter changes the word


@dataclass(frozen=True)
class RemedyData:
    """A remedy as the lexicon needs it: from the catalogue files, the database or a test."""

    name: str
    category: str
    aliases: tuple[str, ...] = ()
    atc_code: str = ""


@dataclass(frozen=True)
class Term:
    """What a name found in the text stands for."""

    remedy: str  # the catalogue remedy's name, or the name proposed for a new one
    category: str
    source: str  # catalogue | brand | everyday | drug_lexicon | pattern | phrasing
    is_new: bool  # not (yet) a remedy of the catalogue
    atc_code: str = ""


@dataclass
class Lexicon:
    automaton: ahocorasick.Automaton
    terms: list[Term]
    spellings: dict[str, tuple[str, int]]  # spelling key -> (a name, its term) for fuzzy matching
    drugs: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    drug_terms: dict[str, Term] = field(default_factory=dict)  # a drug's name -> an existing remedy
    remedy_keys: dict[str, Term] = field(default_factory=dict)  # name key of every name -> its term
    # Cue words learned from the catalogue's quotes (claims.ingest.learned): (stems, term, precision).
    triggers: list[tuple[frozenset[str], Term, float]] = field(default_factory=list)
    # The stems of the catalogue's names of two or more words (claims.ingest.scattered).
    bags: NameBags = field(default_factory=NameBags)
    # What the catalogue mostly calls a remedy when that is a harm (cause or caution): the kind
    # proposed when the words say nothing of it (claims.ingest.catalogue_lexicon.usual_harms).
    harms: dict[str, str] = field(default_factory=dict)
    # Everyday phrasings of measures (claims.ingest.phrasings): (Phrasing, the term it names) pairs.
    phrasings: Iterable = ()
    # The catalogue's preparations named by their ingredients (claims.ingest.recipes).
    recipes: tuple[Recipe, ...] = ()

    def drug_term(self, name: str, kind: str) -> Term:
        """The term for a drug the lexicon package knows: the catalogue's remedy when one of its
        names is a spelling of that drug, a new remedy otherwise."""
        known = self.drug_terms.get(name)
        if known is not None:
            return known
        vitamin = _VITAMIN.fullmatch(name)
        if vitamin:  # "vitamin e" in the package: a supplement, named as the catalogue names them
            return Term(
                remedy=f"vitamin {vitamin.group(1).upper()}", category="supplement", source=DRUG_LEXICON, is_new=True
            )
        category = "drug" if kind in (DRUG, CLASS) else "supplement"
        return Term(remedy=name, category=category, source=DRUG_LEXICON, is_new=True)

    def known(self, name: str) -> Term | None:
        """The existing term a name stands for, compared by name key ("Dried apricots")."""
        return self.remedy_keys.get(name_key(name))


def _holds_a_name(name: str, surfaces: Mapping[str, int]) -> bool:
    """Whether a shorter name the lexicon knows is part of `name` ("calcium" in "calcium carbonate")."""
    words = name.split()
    return any(
        " ".join(words[i:j]) in surfaces
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
        if j - i < len(words)
    )


def build_lexicon(
    remedies: Iterable[RemedyData],
    brands: Iterable[Brand] = (),
    drugs: Mapping[str, tuple[str, str]] | None = None,
    triggers: Iterable = (),
    phrasings: Iterable = (),
    everyday: Iterable[EverydayRemedy] = (),
) -> Lexicon:
    """The lexicon of these remedies, brands, drug names, learned triggers (Trigger objects),
    phrasings (Phrasing objects) and everyday remedies."""
    terms: list[Term] = []
    surfaces: dict[str, int] = {}  # folded surface -> term index; the catalogue's come first
    labels: dict[str, int] = {}  # the names and aliases as written (folded): what fuzzy matching knows
    remedy_keys: dict[str, Term] = {}
    verb_forms: set[str] = set()  # "pinch" for "pinching": a verb, never "a pinch of salt"
    catalogue_labels: list[tuple[Term, str]] = []
    remedies = list(remedies)
    shared = _shared_words(remedies)
    for remedy in remedies:
        term = Term(remedy.name, remedy.category, CATALOGUE, False, remedy.atc_code)
        terms.append(term)
        for label in (remedy.name, *remedy.aliases):
            catalogue_labels.append((term, label))
            remedy_keys.setdefault(name_key(label), term)
            labels.setdefault(fold(label), len(terms) - 1)
            for surface in _forms(label, remedy.category, shared):
                surfaces.setdefault(surface, len(terms) - 1)
                if surface not in plural_forms(label):
                    verb_forms.add(surface)
    for brand in brands:
        existing = remedy_keys.get(name_key(brand.ingredient))
        if existing is not None and existing.source == CATALOGUE:  # the ingredient is a catalogue remedy
            term = Term(existing.remedy, existing.category, BRAND, False, existing.atc_code or brand.atc_code)
        elif existing is not None:  # another brand of the same ingredient: its own category and code
            term = Term(existing.remedy, brand.category, BRAND, True, brand.atc_code)
        else:
            term = Term(brand.ingredient, brand.category, BRAND, True, brand.atc_code)
            remedy_keys[name_key(brand.ingredient)] = term
        terms.append(term)
        labels.setdefault(fold(brand.brand), len(terms) - 1)
        for surface in plural_forms(brand.brand) | {fold(brand.brand)}:
            surfaces.setdefault(surface, len(terms) - 1)
        if (
            term.is_new
            and " and " not in brand.ingredient
            and (fold(brand.ingredient) not in (drugs or {}) or _holds_a_name(fold(brand.ingredient), surfaces))
        ):
            # the ingredient named as such ("multivitamins", "soda"), where the drug lexicon does not name
            # it or a shorter name would take it: "calcium carbonate", not the catalogue's "calcium"
            for surface in plural_forms(brand.ingredient) | {fold(brand.ingredient)}:
                surfaces.setdefault(surface, len(terms) - 1)
    harms = _add_everyday(everyday, terms, surfaces, remedy_keys, verb_forms)
    automaton = ahocorasick.Automaton()
    for surface, index in surfaces.items():
        automaton.add_word(surface, (surface, index, surface in verb_forms))
    spellings: dict[str, tuple[str, int]] = {}
    for label, index in labels.items():
        if len(label) >= _MIN_FUZZY and " " not in label:
            spellings.setdefault(spelling_key(label), (label, index))
    automaton.make_automaton()
    drug_terms: dict[str, Term] = {}
    for surface, index in surfaces.items():
        if drugs and surface in drugs and terms[index].source == CATALOGUE:
            drug_terms.setdefault(drugs[surface][0], terms[index])
    by_name = {term.remedy: term for term in terms if term.source == CATALOGUE}
    learned = [(frozenset(t.stems), by_name[t.remedy], t.precision) for t in triggers if t.remedy in by_name]
    bags = name_bags((label, term) for term, label in catalogue_labels)
    said = PhrasingIndex(
        (p, remedy_keys.get(name_key(p.remedy)) or Term(p.remedy, p.category, PHRASING, True)) for p in phrasings
    )
    return Lexicon(
        automaton,
        terms,
        spellings,
        drugs or {},
        drug_terms,
        remedy_keys,
        learned,
        bags,
        harms,
        phrasings=said,
        recipes=recipes((label, term) for term, label in catalogue_labels),
    )


def _add_everyday(everyday, terms, surfaces, remedy_keys, verb_forms) -> dict[str, str]:
    """The everyday remedies after the catalogue's and the brands' names, which keep theirs. A row
    whose name is a remedy's the lexicon has stands for it: its other names are that remedy's too
    ("cigarettes" for the catalogue's tobacco); an alias the lexicon has stays the lexicon's, and
    the row's other names its own ("oranges" stays the catalogue's, "lemons" is citrus fruit). A
    name that holds a catalogue medicine's or supplement's ("magnesium tablets") is left to that
    name, so the catalogue's remedy is proposed. Returns the harms the new rows usually are (what
    the catalogue says of its own remedies is learned from its claims)."""
    harms = {}
    medicines = {surface for surface, index in surfaces.items() if terms[index].category in _ACTIVE}
    for remedy in everyday:
        known = remedy_keys.get(name_key(remedy.name))
        if known is not None:
            term = Term(known.remedy, known.category, EVERYDAY, known.is_new, known.atc_code)
        else:
            term = Term(remedy.name, remedy.category, EVERYDAY, True)
            if remedy.usually:
                harms[remedy.name] = remedy.usually
        terms.append(term)
        for label in remedy.labels:
            remedy_keys.setdefault(name_key(label), term)
            if _holds_a_name(fold(label), medicines):
                continue
            for surface in _everyday_forms(label, term.category):
                if surface not in surfaces:
                    surfaces[surface] = len(terms) - 1
                    if surface not in plural_forms(label):
                        verb_forms.add(surface)
    return harms


def _everyday_forms(label: str, category: str) -> set[str]:
    """A row's name with its plural and, for an action of several words, each -ing word as a verb
    ("binge drinking" is also "binge drink"), but never a word alone: "drink" is no binge drinking,
    a "cup" no cupping."""
    forms = plural_forms(label)
    words = fold(label).split()
    if category in _ACTIONS and len(words) > 1:
        forms |= _gerund_forms(words)
    return {form for form in forms if len(form) >= 3}


def _forms(label: str, category: str, shared: set[str]) -> set[str]:
    forms = plural_forms(label)
    if category in _ACTIONS:
        forms |= _verb_forms(fold(label), shared)
    name = fold(label)
    if category in _SUBSTANCES and name.isalpha() and len(name) >= 5 and name[-1] not in "aeiouy":
        forms.add(name + "ism")  # "alcoholism", "nicotinism": the habit of taking the substance
    return {form for form in forms if len(form) >= 3}


def _shared_words(remedies: list[RemedyData]) -> set[str]:
    """Words in the names of more than one remedy ("standing" in "heel standing" and "standing on
    a cold floor"): such a word alone names neither."""
    owners: dict[str, set[str]] = {}
    for remedy in remedies:
        for label in (remedy.name, *remedy.aliases):
            for word in fold(label).split():
                owners.setdefault(word, set()).add(remedy.name)
    return {word for word, names in owners.items() if len(names) > 1}


def _verb_forms(name: str, shared: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """ "stretching" -> "stretch", "stretches", "stretched"; "massage" -> "massaged", "massaging";
    "pinching the upper lip" -> "pinch the upper lip"; "needle pricking" -> also "prick", "pricking"."""
    words = name.split()
    if len(words) == 2 and words[1].endswith("ing") and "-" not in name and words[1] not in shared:
        return _verb_forms(words[1]) | _gerund_forms(words)
    return _gerund_forms(words)


def _gerund_forms(words: list[str]) -> set[str]:
    name = " ".join(words)
    options = []
    for word in words:
        if word.endswith("ing") and len(word) > 5:
            stem = word[:-3]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                stem = stem[:-1]  # jogging -> jog
            options.append({word, stem, stem + "e", stem + "es" if stem.endswith(("ch", "sh", "ss")) else stem + "s"})
        else:
            options.append({word})
    forms = {" ".join(choice) for choice in itertools.product(*options)}
    if len(words) == 1 and name.endswith("e") and len(name) > 4:
        forms |= {name + "d", name + "s", name[:-1] + "ing"}
    return {form for form in forms if re.fullmatch(r"[\w' -]+", form)}


def remedies_from_catalogue(catalogue) -> list[RemedyData]:
    """The catalogue files' remedies (claims.catalogue.Catalogue) as plain data."""
    return [RemedyData(r.name, r.category, tuple(r.aliases), r.atc_code) for r in catalogue.remedies]
