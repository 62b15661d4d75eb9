"""The proposer's lexicon from what the service knows: the remedies, aliases and claim quotes in
the database, or, before the catalogue is loaded, the catalogue files (with the articles' texts
when ../shared/corpus is at hand, for the learned cue words)."""

from __future__ import annotations

from pathlib import Path

from claims.ingest.brands import brand_table
from claims.ingest.drugnames import drug_names
from claims.ingest.everyday import everyday_table
from claims.ingest.learned import Example, learn_triggers, name_stems
from claims.ingest.lexicon import Lexicon, RemedyData, build_lexicon, remedies_from_catalogue
from claims.ingest.phrasings import phrasing_table

CATALOGUE_DIR = Path(__file__).resolve().parents[1] / "catalogue"


def catalogue_examples(catalogue, *, leave_out: str | None = None) -> list[Example]:
    """The catalogue files' claims as learning examples, without one article's if asked."""
    return [
        Example(claim.remedy, source.file_name, claim.quote, claim.start, claim.end, source.condition, claim.kind)
        for source in catalogue.sources
        if source.file_name != leave_out
        for claim in source.claims
    ]


def corpus_texts(catalogue, corpus_dir: Path | None) -> dict[str, str]:
    """The texts of the catalogue's articles found in `corpus_dir` (none when it is absent)."""
    texts = {}
    for source in catalogue.sources:
        path = corpus_dir / source.file_name if corpus_dir else None
        if path is not None and path.is_file():
            texts[source.file_name] = path.read_text(encoding="utf-8")
    return texts


def lexicon_from_parts(
    remedies: list[RemedyData],
    examples: list[Example],
    texts: dict[str, str],
    brands=None,
    *,
    drugs: bool = True,
    phrasings=None,
    everyday=None,
) -> Lexicon:
    labels = [label for remedy in remedies for label in (remedy.name, *remedy.aliases)]
    triggers = learn_triggers(examples, texts, name_stems(labels))
    lexicon = build_lexicon(
        remedies,
        brand_table() if brands is None else brands,
        drug_names() if drugs else None,
        triggers,
        phrasing_table() if phrasings is None else phrasings,
        everyday_table() if everyday is None else everyday,
    )
    lexicon.harms |= usual_harms(examples)
    return lexicon


HARM_KINDS = ("cause", "caution")


def usual_harms(examples: list[Example], *, least: int = 3, share: float = 0.75) -> dict[str, str]:
    """The remedies the examples mostly call harmful: at least `least` claims, `share` of them a
    cause or a caution; the commoner of the two. Alcohol, mostly a cause, is proposed as one where
    an article's words say nothing of it, never as a treatment by default."""
    kinds: dict[str, list[str]] = {}
    for example in examples:
        if example.kind:
            kinds.setdefault(example.remedy, []).append(example.kind)
    harms = {}
    for remedy, said in kinds.items():
        harmful = [kind for kind in said if kind in HARM_KINDS]
        if len(said) >= least and len(harmful) >= share * len(said):
            harms[remedy] = max(HARM_KINDS, key=harmful.count)
    return harms


def lexicon_from_catalogue_files(directory: Path = CATALOGUE_DIR, corpus_dir: Path | None = None) -> Lexicon:
    from claims.catalogue import read_catalogue

    catalogue = read_catalogue(directory)
    texts = corpus_texts(catalogue, corpus_dir)
    return lexicon_from_parts(remedies_from_catalogue(catalogue), catalogue_examples(catalogue), texts)


def lexicon_from_database() -> Lexicon:
    """Every remedy and alias in the database, and every appearance's quote to learn from."""
    from claims.models import Appearance, Remedy

    remedies = [
        RemedyData(r.name, r.category, tuple(a.alias for a in r.aliases.all()), r.atc_code)
        for r in Remedy.objects.prefetch_related("aliases")
    ]
    rows = Appearance.objects.values_list(
        "claim__remedy__name", "source__file_name", "quote", "start", "end", "source__condition__name", "claim__kind"
    )
    examples = [Example(*row) for row in rows]
    texts = dict(
        Appearance.objects.exclude(source__text="").values_list("source__file_name", "source__text").distinct()
    )
    return lexicon_from_parts(remedies, examples, texts)


def database_has_remedies() -> bool:
    from claims.models import Remedy

    return Remedy.objects.exists()
