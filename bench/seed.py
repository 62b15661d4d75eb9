"""Seeds the bench database: the bench accounts and an API token (through the project's own code),
then 100,000 published claims written with COPY.

Every published claim gets what review_publish() would have written: a Review in state
`published`, a current Publication whose snapshot has exactly the shape of
reviews.snapshots.publication_snapshot (2-4 appearances, 2-4 contraindications, 1-3 references,
1-3 GRADE domains), its PublicationCondition, PublicationRemedyName and PublicationSource rows and
its PublicationChange.
The texts (statements, quotes, doses, sources, remedy reasons) are drawn from the real catalogue
that `load_catalogue` loaded first, so rows have realistic sizes. 5 % of the claims were
republished: they also carry a superseded version 1 (is_current = false), as in production.

Not seeded row by row: DomainJudgement, ReviewReference, Contraindication and the audit trail.
The content API never reads them (it serves the frozen snapshot), and their content is in the
snapshots. Only INSERTs are used: the publication tables refuse UPDATE and DELETE.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta

import orjson
import psycopg

KINDS = ("relief", "treatment", "prevention", "cause", "caution")
POPULATIONS = (
    "pregnancy", "children", "elderly", "athletes", "varicose_veins", "thrombophlebitis", "diabetes",
    "hypotension", "heart_disease", "kidney_disease", "liver_disease", "gastrointestinal", "flat_feet", "sedentary",
)
CERTAINTY_WEIGHTS = {"high": 10, "moderate": 25, "low": 35, "very_low": 30}
RECOMMENDATIONS = ("strong_for", "conditional_for", "conditional_against", "strong_against", "insufficient_evidence")
DOWNGRADES = ("risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias")
UPGRADES = ("large_effect", "dose_response", "plausible_confounding")

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


def _approved_hash(publication: dict) -> str:
    from reviews.snapshots import PUBLICATION_FIELDS, snapshot_hash

    return snapshot_hash({k: v for k, v in publication["snapshot"].items() if k not in PUBLICATION_FIELDS})


def _iso(moment: datetime) -> str:
    """reviews.audit.iso_utc."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _reference_str(ref) -> str:
    """str(Reference), as the snapshot records a contraindication's source reference."""
    title, _kind, year, pmid, doi, _url = ref
    ids = ", ".join(x for x in (pmid and f"PMID {pmid}", doi and f"doi {doi}") if x)
    return f"{title} ({year}{', ' + ids if ids else ''})"


def create_accounts() -> dict:
    """The bench accounts (no usable password) and a content token, through the project's code."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from reviews import roles
    from reviews.tokens import token_issue

    User = get_user_model()
    accounts = {}
    for username, group in (
        ("bench-grader", roles.REVIEWER),
        ("bench-approver", roles.REVIEWER),
        ("bench-senior", roles.SENIOR_REVIEWER),
        ("bench-content", roles.CONTENT_READER),
    ):
        user = User.objects.create_user(username=username, password=None)
        user.groups.set([Group.objects.get(name=group)])
        accounts[username] = user
    token = token_issue(user=accounts["bench-content"])
    return {"users": {name: user.pk for name, user in accounts.items()}, "token": token}


def _next_id(cur, table: str) -> int:
    cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
    return cur.fetchone()[0]


def _copy(cur, table: str, columns: tuple[str, ...], rows, chunk: int = 1000) -> int:
    """COPY in statements of `chunk` rows. pghistory's row triggers run an exception block (a
    subtransaction) per row, and aborting a subtransaction scans the whole pending after-trigger
    queue, so one huge statement is quadratic; with constraints checked immediately and short
    statements the queue stays small and the load linear."""
    n = 0
    cols = ", ".join(f'"{c}"' for c in columns)
    rows = iter(rows)
    while True:
        with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            written = 0
            for row in rows:
                copy.write_row(row)
                written += 1
                if written == chunk:
                    break
        n += written
        if written < chunk:
            return n


def seed(url: str, *, claims: int, users: dict, seed_value: int = 2026, log=print) -> dict:
    """Writes `claims` published claims (a multiple of 5: one per remedy and claim kind)."""
    from reviews.snapshots import remedy_names, search_text

    rng = random.Random(seed_value)
    started = time.perf_counter()
    n_remedies = max(1, claims // len(KINDS))
    grader, approver, senior = users["bench-grader"], users["bench-approver"], users["bench-senior"]
    counts = {}

    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SET TIME ZONE 'UTC'")
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # Generated data never went through the workflow: written past the database's workflow
        # triggers (reviews/db_rules.py), which only a superuser's session can do.
        cur.execute("SET session_replication_role = replica")
        # The real catalogue, as templates.
        cur.execute("SELECT name, category, atc_code, risk_tier, risk_reason FROM claims_remedy ORDER BY id")
        remedy_templates = cur.fetchall()
        cur.execute("SELECT alias FROM claims_remedyalias ORDER BY id")
        alias_pool = [row[0] for row in cur.fetchall()]
        cur.execute("SELECT statement FROM claims_claim ORDER BY id")
        statements = [row[0] for row in cur.fetchall()]
        cur.execute(
            "SELECT DISTINCT ON (a.source_id, a.start) a.source_id, s.file_name, s.title, s.sha256, a.quote, "
            "a.start, a.end, a.dose FROM claims_appearance a JOIN claims_source s ON s.id = a.source_id "
            "ORDER BY a.source_id, a.start, a.id"
        )
        appearance_pool = cur.fetchall()
        if not (remedy_templates and alias_pool and statements and appearance_pool):
            raise RuntimeError("the catalogue is empty: run load_catalogue before seeding")

        now = datetime.now(UTC).replace(microsecond=0)
        first_remedy = _next_id(cur, "claims_remedy")
        first_alias = _next_id(cur, "claims_remedyalias")
        first_claim = _next_id(cur, "claims_claim")
        first_appearance = _next_id(cur, "claims_appearance")
        first_review = _next_id(cur, "reviews_review")
        first_publication = _next_id(cur, "reviews_publication")

        # Remedies, three aliases each.
        remedies = []
        for i in range(n_remedies):
            name, category, atc, tier, reason = remedy_templates[i % len(remedy_templates)]
            aliases = sorted(f"{alias_pool[(i * 3 + k) % len(alias_pool)]} {i:05d}" for k in range(3))
            remedies.append(
                {
                    "id": first_remedy + i,
                    "name": f"{name} {i:05d}",
                    "category": category,
                    "atc_code": atc,
                    "risk_tier": tier,
                    "risk_reason": reason,
                    "aliases": aliases,
                    # 1-2 contraindications inherited by every claim of the remedy.
                    "contraindications": rng.sample(range(len(CONDITIONS)), rng.choice((1, 2))),
                }
            )
        counts["remedies"] = _copy(
            cur,
            "claims_remedy",
            ("id", "name", "category", "atc_code", "risk_tier", "risk_reason", "created_at", "updated_at"),
            ((r["id"], r["name"], r["category"], r["atc_code"], r["risk_tier"], r["risk_reason"], now, now)
             for r in remedies),
        )
        counts["aliases"] = _copy(
            cur,
            "claims_remedyalias",
            ("id", "alias", "remedy_id"),
            ((first_alias + n, alias, r["id"])
             for n, (r, alias) in enumerate((r, a) for r in remedies for a in r["aliases"])),
        )
        log(f"  remedies and aliases: {time.perf_counter() - started:.1f}s")

        # Claims: one per remedy and kind; 7 % for a specific population.
        claim_rows, appearance_rows = [], []
        appearance_id = first_appearance
        for r_index, remedy in enumerate(remedies):
            for k_index, kind in enumerate(KINDS):
                claim_id = first_claim + r_index * len(KINDS) + k_index
                population = rng.choice(POPULATIONS) if rng.random() < 0.07 else None
                picked = rng.sample(appearance_pool, rng.choice((2, 3, 3, 4)))
                picked.sort(key=lambda a: (a[1], a[5]))
                claim_rows.append((claim_id, remedy, kind, population, rng.choice(statements), picked))
                for source_id, _file, _title, _sha, quote, start, end, dose in picked:
                    appearance_rows.append((appearance_id, quote, start, end, dose, claim_id, source_id))
                    appearance_id += 1
        counts["claims"] = _copy(
            cur,
            "claims_claim",
            ("id", "kind", "population", "statement", "created_at", "remedy_id"),
            ((c[0], c[2], c[3], c[4], now, c[1]["id"]) for c in claim_rows),
        )
        counts["appearances"] = _copy(
            cur,
            "claims_appearance",
            ("id", "quote", "start", "end", "dose", "claim_id", "source_id"),
            appearance_rows,
        )
        del appearance_rows
        log(f"  claims and appearances: {time.perf_counter() - started:.1f}s")

        # Publications: distinct published_at over ~2 years, in shuffled claim order; 5 % republished
        # (their version 1 is superseded and not current).
        slots = list(range(len(claim_rows)))
        rng.shuffle(slots)
        epoch = now - timedelta(days=730)
        republished = set(rng.sample(range(len(claim_rows)), len(claim_rows) // 20))
        publications = []  # (publication dict) in any order
        review_id = first_review
        pub_id = first_publication
        certainties, weights = zip(*CERTAINTY_WEIGHTS.items(), strict=True)
        for index, (claim_id, remedy, kind, population, statement, picked) in enumerate(claim_rows):
            current_at = epoch + timedelta(seconds=slots[index] * 600 + 300, microseconds=rng.randrange(1_000_000))
            versions = [(1, current_at)]
            if index in republished:
                versions = [(1, current_at - timedelta(days=rng.randint(30, 300), seconds=7)), (2, current_at)]
            for version, published_at in versions:
                is_current = version == len(versions)
                certainty = rng.choices(certainties, weights)[0]
                recommendation = rng.choice(RECOMMENDATIONS)
                summary = rng.choice(SUMMARIES)
                decided_at = published_at - timedelta(hours=rng.randint(1, 72))
                own = rng.sample(range(len(CONDITIONS)), rng.choice((1, 1, 2)))
                contraindications = []
                for scope, indices in (("remedy", remedy["contraindications"]), ("claim", own)):
                    for ci in indices:
                        condition, ckind, severity, source_kind = CONDITIONS[ci]
                        ref = REFERENCES[(ci + remedy["id"]) % len(REFERENCES)] if ci % 3 else None
                        contraindications.append(
                            {
                                "condition": condition,
                                "kind": ckind,
                                "severity": severity,
                                "rationale": RATIONALES[ci % len(RATIONALES)],
                                "scope": scope,
                                "source_kind": source_kind,
                                "source_date": date(2005 + ci % 19, 1 + ci % 12, 1 + ci % 28).isoformat()
                                if ci % 4
                                else None,
                                "source_reference": _reference_str(ref) if ref else None,
                            }
                        )
                contraindications.sort(key=lambda c: (c["severity"], c["condition"]))
                references = sorted(rng.sample(REFERENCES, rng.choice((1, 2, 2, 3))), key=lambda ref: ref[2])
                domains = sorted(rng.sample(DOWNGRADES + UPGRADES, rng.choice((1, 2, 2, 3))))
                snapshot = {
                    "claim_id": claim_id,
                    "version": version,
                    "statement": statement,
                    "kind": kind,
                    "population": population,
                    "remedy": {
                        "id": remedy["id"],
                        "name": remedy["name"],
                        "inn": remedy["name"] if remedy["category"] == "drug" else None,
                        "category": remedy["category"],
                        "atc_code": remedy["atc_code"] or None,
                        "risk_tier": remedy["risk_tier"],
                        "risk_reason": remedy["risk_reason"],
                        "aliases": remedy["aliases"],
                    },
                    "appearances": [
                        {
                            "source": file_name,
                            "source_title": title,
                            "source_sha256": sha,
                            "quote": quote,
                            "start": start,
                            "end": end,
                            "dose": dose or None,
                        }
                        for _sid, file_name, title, sha, quote, start, end, dose in picked
                    ],
                    "evidence": {
                        "certainty": certainty,
                        "summary": summary,
                        "domains": [
                            {
                                "domain": d,
                                "severity": rng.choice(("none", "serious", "very_serious"))
                                if d in DOWNGRADES
                                else rng.choice(("none", "upgrade_one")),
                                "rationale": rng.choice(DOMAIN_RATIONALES),
                            }
                            for d in domains
                        ],
                    },
                    "recommendation": recommendation,
                    "contraindications": contraindications,
                    "no_known_contraindication": None,
                    "references": [
                        {
                            "title": title,
                            "kind": rkind,
                            "year": year,
                            "pmid": pmid,
                            "doi": doi,
                            "url": url_,
                            "note": rng.choice(NOTES),
                        }
                        for title, rkind, year, pmid, doi, url_ in references
                    ],
                    "approved_by": "bench-approver",
                    "approved_at": _iso(decided_at),
                    "published_by": "bench-senior",
                    "published_at": _iso(published_at),
                    "change_note": "Republished after new evidence." if version > 1 else "",
                }
                publications.append(
                    {
                        "id": pub_id,
                        "review_id": review_id,
                        "claim_id": claim_id,
                        "version": version,
                        "is_current": is_current,
                        "snapshot": snapshot,
                        "remedy": remedy,
                        "kind": kind,
                        "population": population or "",
                        "certainty": certainty,
                        "recommendation": recommendation,
                        "summary": summary,
                        "decided_at": decided_at,
                        "published_at": published_at,
                        "sources": sorted({(a[0], a[1]) for a in picked}),  # (id, file name)
                    }
                )
                pub_id += 1
                review_id += 1
        log(f"  snapshots built: {time.perf_counter() - started:.1f}s")

        counts["reviews"] = _copy(
            cur,
            "reviews_review",
            (
                "id", "state", "certainty", "recommendation", "summary", "no_known_contraindication",
                "no_contraindication_reason", "decided_at", "decision_note", "created_at", "updated_at", "version",
                "claim_id", "decided_by_id", "graded_by_id", "last_edited_by_id", "started_by_id", "submitted_by_id",
                "approved_hash",
            ),
            (
                (p["review_id"], "published", p["certainty"], p["recommendation"], p["summary"], False, "",
                 p["decided_at"], "", p["decided_at"] - timedelta(days=3), p["published_at"], 5, p["claim_id"],
                 approver, grader, grader, grader, grader, _approved_hash(p))
                for p in publications
            ),
        )
        log(f"  reviews: {time.perf_counter() - started:.1f}s")
        counts["publications"] = _copy(
            cur,
            "reviews_publication",
            (
                "id", "version", "is_current", "snapshot", "category", "kind", "population", "risk_tier",
                "certainty", "recommendation", "search_text", "change_note", "published_at", "withdrawn_at",
                "claim_id", "published_by_id", "remedy_id", "remedy_name", "review_id", "approved_hash",
            ),
            (
                (p["id"], p["version"], p["is_current"], orjson.dumps(p["snapshot"]).decode(),
                 p["remedy"]["category"], p["kind"], p["population"], p["remedy"]["risk_tier"], p["certainty"],
                 p["recommendation"], search_text(p["snapshot"]), p["snapshot"]["change_note"], p["published_at"],
                 None, p["claim_id"], senior, p["remedy"]["id"], p["snapshot"]["remedy"]["name"], p["review_id"],
                 _approved_hash(p))
                for p in publications
            ),
        )
        log(f"  publications: {time.perf_counter() - started:.1f}s")
        counts["publication_conditions"] = _copy(
            cur,
            "reviews_publicationcondition",
            ("condition", "publication_id"),
            ((c["condition"].lower(), p["id"]) for p in publications for c in p["snapshot"]["contraindications"]),
        )
        counts["publication_remedy_names"] = _copy(
            cur,
            "reviews_publicationremedyname",
            ("name", "publication_id"),
            ((name, p["id"]) for p in publications for name in sorted(remedy_names(p["snapshot"]))),
        )
        counts["publication_sources"] = _copy(
            cur,
            "reviews_publicationsource",
            ("publication_id", "source_id", "file_name"),
            ((p["id"], source_id, file_name) for p in publications for source_id, file_name in p["sources"]),
        )
        # The changes feed, in the order things happened.
        publications.sort(key=lambda p: p["published_at"])
        counts["publication_changes"] = _copy(
            cur,
            "reviews_publicationchange",
            ("kind", "version", "occurred_at", "reason", "claim_id", "publication_id"),
            (
                ("republished" if p["version"] > 1 else "published", p["version"], p["published_at"],
                 p["snapshot"]["change_note"], p["claim_id"], p["id"])
                for p in publications
            ),
        )
        for table in (
            "claims_remedy", "claims_remedyalias", "claims_claim", "claims_appearance", "reviews_review",
            "reviews_publication", "reviews_publicationcondition", "reviews_publicationremedyname",
            "reviews_publicationsource", "reviews_publicationchange",
        ):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            )
        conn.commit()
    log(f"  committed: {time.perf_counter() - started:.1f}s")

    # Settle the tables so autovacuum does not wake up in the middle of the measurements.
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts
