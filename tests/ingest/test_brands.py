"""The curated brand table: the examples the issue names, valid codes and categories, and a broken
row refused with its line number."""

import pytest

from claims.ingest.brands import CATEGORIES, BrandTableError, brand_table, read_brands
from claims.models import Category

EXAMPLES = {
    "Tums": ("calcium carbonate", "A02AC01"),
    "Pedialyte": ("oral rehydration salts", "A07CA"),
    "Lanoxin": ("digoxin", "C01AA05"),
    "Qualaquin": ("quinine", "P01BC01"),
    "Magne B6": ("magnesium with pyridoxine", ""),
    "Mydocalm": ("tolperisone", "M03BX04"),
    "Analgin": ("metamizole sodium", "N02BB02"),
}


def test_the_issues_examples_are_in_the_table():
    table = {brand.brand: (brand.ingredient, brand.atc_code) for brand in brand_table()}
    assert {name: table[name] for name in EXAMPLES} == EXAMPLES
    assert len(table) >= 60


def test_the_categories_are_the_catalogues():
    assert set(Category.values) == CATEGORIES
    assert {brand.category for brand in brand_table()} <= CATEGORIES


def write(tmp_path, *rows):
    path = tmp_path / "brands.csv"
    path.write_text("# a comment\nbrand,ingredient,atc,category\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Tums,calcium carbonate,A2AC,drug", "brands.csv line 3: 'A2AC' is not an ATC code"),
        ("Tums,calcium carbonate,A02AC01,pill", "brands.csv line 3: unknown category 'pill'"),
        (",calcium carbonate,,drug", "brands.csv line 3: brand and ingredient are required"),
        ("Tums,calcium carbonate", "brands.csv line 3: expected 4 columns, found 2"),
    ],
)
def test_a_broken_row_is_named_by_its_line(tmp_path, row, message):
    with pytest.raises(BrandTableError) as caught:
        read_brands(write(tmp_path, row))
    assert str(caught.value) == message


def test_a_brand_listed_twice_is_refused(tmp_path):
    path = write(tmp_path, "Tums,calcium carbonate,,drug", "TUMS,calcium carbonate,,drug")
    with pytest.raises(BrandTableError, match="line 4: brand 'TUMS' is already on line 3"):
        read_brands(path)


def test_a_new_user_s_brands_are_their_ingredients_and_a_salt_is_no_other_remedy():
    """Movicol and Fybogel had been proposed as new remedies of their own names, milk of magnesia
    as milk, Strepsils and Chloraseptic missed, and "magnesium citrate" had given citric acid
    besides magnesium."""
    from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
    from claims.ingest.workload import find_names

    text = (
        "Magnesium citrate, Movicol, MiraLAX, Fybogel and milk of magnesia ease constipation; Strepsils or "
        "Chloraseptic soothe a sore throat."
    )
    found = {(m.surface, m.term.remedy) for m in find_names(text, lexicon_from_catalogue_files()).mentions}
    assert found == {
        ("Magnesium", "magnesium"),
        ("Movicol", "macrogol"),
        ("MiraLAX", "macrogol"),
        ("Fybogel", "psyllium husk"),
        ("milk of magnesia", "magnesium hydroxide"),  # not milk
        ("Strepsils", "amylmetacresol and dichlorobenzyl alcohol"),
        ("Chloraseptic", "phenol"),
    }, found
