"""An appearance quotes its article (see reviews.db_rules), in both dialects.

- once an article's text is stored, every appearance of it quotes that text at its span: an
  appearance written with another quote or span, or before its article is stored, is refused, and
  so is a text its appearances do not quote; a stored text is never emptied, and an article is
  never deleted and stored again under the id its appearances or proposals name;
- an ingested article's text, its sha256 and its format never change (the same text twice is the
  same article, claims.articles; the key of its words, words_sha256, is derived and may be filled).

A catalogue article's text is empty until the loader has the corpus at hand (and then nothing is
checked); the loader stores a new version of an article only where every appearance already
stored quotes it (claims.services.catalogue_load). Both dialects count characters as Python does,
and substr past the end is shorter, never NULL.
"""

from __future__ import annotations

QUOTE_MESSAGE = "an appearance quotes its article: its quote is the article's text at its span"
TEXT_MESSAGE = "an article's text is what its appearances quote at their spans"
INGESTED_MESSAGE = "an ingested article's text, checksum and format do not change"
EMPTIED_MESSAGE = "an article's stored text is never emptied, and an ingested article is stored with its text"
STORED_AGAIN_MESSAGE = "an article is never stored again under the id its appearances or proposals name"

# True when appearance {a} does not quote text {text}.
MISQUOTED = 'substr({text}, {a}.start + 1, {a}."end" - {a}.start) <> {a}.quote'
# An appearance of an article not stored (yet: the foreign key is checked at commit) or misquoting it
APPEARANCE_MISQUOTED = (
    "NOT EXISTS (SELECT 1 FROM claims_source s WHERE s.id = NEW.source_id "
    f"AND (s.text = '' OR NOT ({MISQUOTED.format(text='s.text', a='NEW')})))"
)
TEXT_MISQUOTED = (
    "NEW.text <> '' AND EXISTS (SELECT 1 FROM claims_appearance a WHERE a.source_id = NEW.id "
    f"AND {MISQUOTED.format(text='NEW.text', a='a')})"
)
# An update that empties a stored text; an insert of an ingested article without one
TEXT_EMPTIED = "NEW.text = '' AND (OLD.text <> '' OR NEW.format <> '')"
STORED_EMPTY = "NEW.text = '' AND NEW.format <> ''"
# An article inserted under an id that appearances or proposals already name (deleted and stored
# again within one transaction: the foreign keys are checked at commit)
STORED_AGAIN = (
    "EXISTS (SELECT 1 FROM claims_appearance a WHERE a.source_id = NEW.id) "
    "OR EXISTS (SELECT 1 FROM claims_proposal p WHERE p.source_id = NEW.id)"
)
INGESTED_CHANGED = (
    "OLD.format <> '' AND (NEW.text {ne} OLD.text OR NEW.sha256 {ne} OLD.sha256 OR NEW.format {ne} OLD.format)"
)


def sqlite_statements() -> list[str]:
    rules = [
        ("claims_appearance_quotes_its_article", "INSERT ON claims_appearance", APPEARANCE_MISQUOTED, QUOTE_MESSAGE),
        ("claims_appearance_requotes_its_article", "UPDATE ON claims_appearance", APPEARANCE_MISQUOTED, QUOTE_MESSAGE),
        ("claims_source_text_quoted", "UPDATE ON claims_source", TEXT_MISQUOTED, TEXT_MESSAGE),
        ("claims_source_text_kept", "UPDATE ON claims_source", TEXT_EMPTIED, EMPTIED_MESSAGE),
        ("claims_source_stored_with_text", "INSERT ON claims_source", STORED_EMPTY, EMPTIED_MESSAGE),
        ("claims_source_stored_once", "INSERT ON claims_source", STORED_AGAIN, STORED_AGAIN_MESSAGE),
        (
            "claims_source_ingested_frozen",
            "UPDATE ON claims_source",
            INGESTED_CHANGED.format(ne="IS NOT"),
            INGESTED_MESSAGE,
        ),
    ]
    statements = []
    for name, on, condition, message in rules:
        statements += [
            f"DROP TRIGGER IF EXISTS {name};",
            f"CREATE TRIGGER {name} BEFORE {on} WHEN {condition} BEGIN SELECT RAISE(ABORT, '{_sql(message)}'); END;",
        ]
    return statements


def postgres_statements() -> list[str]:
    return [
        # The article's row is read FOR SHARE: a text stored at the same time waits for this
        # appearance, or this appearance for the text, and the later one sees the other's.
        f"""CREATE OR REPLACE FUNCTION claims_appearance_rules() RETURNS trigger AS $$
DECLARE
    stored text;
BEGIN
    SELECT s.text INTO stored FROM claims_source s WHERE s.id = NEW.source_id FOR SHARE;
    IF NOT FOUND OR (stored <> '' AND {MISQUOTED.format(text="stored", a="NEW")}) THEN
        RAISE EXCEPTION '{_sql(QUOTE_MESSAGE)}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;""",
        _function(
            "claims_source_rules",
            [
                (f"TG_OP = 'INSERT' AND ({STORED_AGAIN})", STORED_AGAIN_MESSAGE),
                (f"TG_OP = 'INSERT' AND {STORED_EMPTY}", EMPTIED_MESSAGE),
                (f"TG_OP = 'UPDATE' AND {TEXT_EMPTIED}", EMPTIED_MESSAGE),
                (f"TG_OP = 'UPDATE' AND {INGESTED_CHANGED.format(ne='IS DISTINCT FROM')}", INGESTED_MESSAGE),
                (TEXT_MISQUOTED, TEXT_MESSAGE),
            ],
        ),
        "DROP TRIGGER IF EXISTS claims_appearance_rules ON claims_appearance;",
        "CREATE TRIGGER claims_appearance_rules BEFORE INSERT OR UPDATE ON claims_appearance "
        "FOR EACH ROW EXECUTE FUNCTION claims_appearance_rules();",
        "DROP TRIGGER IF EXISTS claims_source_rules ON claims_source;",
        "CREATE TRIGGER claims_source_rules BEFORE INSERT OR UPDATE ON claims_source "
        "FOR EACH ROW EXECUTE FUNCTION claims_source_rules();",
    ]


def _function(name: str, checks: list[tuple[str, str]]) -> str:
    body = "".join(
        f"IF {condition} THEN RAISE EXCEPTION '{_sql(message)}' USING ERRCODE = 'check_violation'; END IF;\n"
        for condition, message in checks
    )
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$\n"
        f"BEGIN\n{body}RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;"
    )


def _sql(message: str) -> str:
    return message.replace("'", "''")
