"""Drug names from drug-named-entity-recognition's offline lexicon: about 107,000 names, brands
and spellings of 20,000 drugs and substances (DrugBank, MeSH, MedlinePlus, NHS).

The package keeps them in a pickle that takes seconds and some 370 MB to load. A child process
reads it once and writes the part the proposer uses (name or spelling -> the drug's name and what
it is) to a small tab-separated file in the cache folder; every later process reads that file in
a fraction of a second. Run `python -m claims.ingest.drugnames FILE` to write it by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "drug-named-entity-recognition"
# What a name in the package stands for: a single drug (with a MedlinePlus, NHS or DrugBank
# entry), a class of drugs (a MeSH pharmacological action, D27), or another substance.
DRUG, CLASS, SUBSTANCE = "drug", "class", "substance"
# Substances the body makes itself: an article names them when it explains, not when it advises.
_ENDOGENOUS = frozenset(
    "lactic acid|cortisol|thyroid|thyroid gland|parathyroid hormone|neurotransmitters|hemoglobin|haemoglobin"
    "|cholesterol|uric acid|bile|adrenaline|melanin|collagen|glycogen".split("|")
)


# What people call a class of drugs, beside the package's names: the class it stands for.
LAY_NAMES = {
    "painkiller": "analgesics",
    "painkillers": "analgesics",
    "pain killers": "analgesics",
    "pain relievers": "analgesics",
    "blood thinners": "anticoagulants",
    "sleeping pills": "hypnotics and sedatives",
    "sleeping tablets": "hypnotics and sedatives",
    "sleep aids": "hypnotics and sedatives",
    "water pills": "diuretics",
}


def cache_dir() -> Path:
    return Path(os.environ.get("INGEST_CACHE_DIR", ROOT / "var" / "ingest"))


@cache
def drug_names() -> dict[str, tuple[str, str]]:
    """Lower-case name or spelling -> (the drug's name, DRUG | CLASS | SUBSTANCE)."""
    path = cache_dir() / f"drug-names-{metadata.version(PACKAGE)}.tsv"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # A child process, so that this one never holds the package's pickle.
        subprocess.run(
            [sys.executable, "-m", "claims.ingest.drugnames", str(path)],
            check=True,
            cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
    names: dict[str, tuple[str, str]] = {}
    interned: dict[tuple[str, str], tuple[str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            variant, name, kind = line.rstrip("\n").split("\t")
            names[variant] = interned.setdefault((name, kind), (name, kind))
    return with_lay_names(names)


def with_lay_names(names: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """`names` and the lay names of drug classes ("painkillers"), the package's own names first."""
    for variant, name in LAY_NAMES.items():
        names.setdefault(variant, (name, CLASS))
    return names


def _kind(data: dict) -> str:
    if any(tree.startswith("D27") for tree in data.get("mesh_tree") or ()):
        return CLASS
    if data.get("medline_plus_id") or data.get("nhs_url") or data.get("drugbank_id"):
        return DRUG
    return SUBSTANCE


def _usable(variant: str) -> bool:
    words = variant.split()
    return (
        4 <= len(variant) <= 60
        and len(words) <= 4
        and "," not in variant
        and variant[0].isalpha()
        and not variant.endswith((" effect", " effects"))
        and variant not in _ENDOGENOUS
    )


def write_cache(path: Path) -> int:
    """Read the package's pickle and write the compact file; returns the number of names."""
    import bz2
    import pickle
    from importlib import resources

    source = resources.files("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    with source.open("rb") as raw, bz2.open(raw) as handle:
        # The package's own data file, installed from the pinned lock: not untrusted input.
        data = pickle.load(handle)
    canonical = data["drug_canonical_to_data"]
    rows = []
    for variant, targets in data["drug_variant_to_canonical"].items():
        variant = " ".join(variant.lower().split())
        if not targets or not _usable(variant):
            continue
        entry = canonical.get(targets[0], {})
        name = " ".join(str(entry.get("name") or targets[0]).lower().split())
        if name in _ENDOGENOUS or "\t" in variant + name:
            continue
        rows.append(f"{variant}\t{name}\t{_kind(entry)}\n")
    partial = path.with_suffix(".partial")
    partial.write_text("".join(sorted(set(rows))), encoding="utf-8")
    partial.replace(path)
    return len(rows)


if __name__ == "__main__":
    # on stderr: the child's output is the parent's, and `ingest_article --format ndjson` prints JSON only
    print(f"{write_cache(Path(sys.argv[1]))} drug names written to {sys.argv[1]}", file=sys.stderr)
