"""The generated audit events' contents: event types weighted as in a busy review service, and
before/after bodies shaped as the services record them (review snapshots, judgements, references,
contraindications, remedy, claim and catalogue changes)."""

from __future__ import annotations

import random

EVENT_WEIGHTS = {
    "review.started": 6,
    "review.assigned": 2,
    "review.graded": 14,
    "review.submitted": 6,
    "review.changes_requested": 3,
    "review.approved": 4,
    "review.approval_lapsed": 0.5,
    "review.rejected": 1,
    "review.published": 4,
    "review.withdrawn": 0.5,
    "reference.attached": 10,
    "reference.detached": 2,
    "reference.saved": 3,
    "judgement.saved": 20,
    "judgement.removed": 2,
    "contraindication.added": 8,
    "contraindication.changed": 5,
    "contraindication.removed": 1.5,
    "remedy.added": 0.5,
    "remedy.changed": 2,
    "claim.changed": 0.5,
    "catalogue.loaded": 0.05,
    "account.changed": 0.2,
}
CERTAINTIES = ["high", "moderate", "low", "very_low"]
CLAIM_KINDS = ["relief", "treatment", "prevention", "cause", "caution"]
POPULATIONS = ["pregnancy", "children", "elderly", "athletes", "kidney_disease", "liver_disease"]
RECOMMENDATIONS = ["strong_for", "conditional_for", "conditional_against", "strong_against", "insufficient_evidence"]
DOMAINS = {
    "risk_of_bias": ["none", "serious", "very_serious"],
    "inconsistency": ["none", "serious", "very_serious"],
    "indirectness": ["none", "serious"],
    "imprecision": ["none", "serious", "very_serious"],
    "publication_bias": ["none", "serious"],
    "large_effect": ["none", "upgrade_one", "upgrade_two"],
    "dose_response": ["none", "upgrade_one"],
    "plausible_confounding": ["none", "upgrade_one"],
}
PHRASES = [
    "Two small randomised trials (n=48 and n=62) with unclear allocation concealment",
    "the effect on nocturnal cramp frequency is small and the confidence interval crosses no effect",
    "consistent with the Cochrane review, which found no benefit over placebo",
    "adverse events were rare but include hepatotoxicity at doses above 1 g/day",
    "the population studied (adults over 65) differs from the claim's population",
    "no dose-response relation was reported",
    "quinine's haematological risks outweigh a modest reduction in cramp frequency",
    "evidence limited to case series; risk of bias is very serious",
    "magnesium citrate 300 mg at night did not reduce cramps in older adults",
    "stretching of the calf muscles before sleep reduced cramp intensity in one trial",
    "pickle juice shortened electrically induced cramps by 49 s in 10 men",
    "the label carries a boxed warning: serious and life-threatening haematological reactions",
    "contraindicated with QT-prolonging drugs (e.g. clarithromycin, amiodarone)",
    "pregnancy: avoid — teratogenic at high doses",
    "Beobachtungsstudie, keine Kontrollgruppe; Übertragbarkeit fraglich",
    "effet modeste, étude unique, « biais de publication » probable",
]
REASONS = [
    "Please add the 2020 Cochrane update and re-grade imprecision.",
    'Certainty looks too high for two small trials; see "risk of bias" notes.',
    "Approved after second review.",
    "Duplicate of an earlier claim, rejected.",
    "Withdrawn: new safety signal (EMA, 2024-03).\nRe-review scheduled.",
    "- contraindication list incomplete\n- missing the label reference",
    '=HYPERLINK("http://example.org") pasted from a spreadsheet, kept verbatim',
    "Publication note: wording simplified, no change in recommendation.",
    "Résumé revu ; références vérifiées.",
]


def _text(rng: random.Random, lo: int, hi: int) -> str:
    text = "; ".join(rng.sample(PHRASES, rng.randint(lo, hi)))
    return text[0].upper() + text[1:] + "."


def _review_snapshot(rng, ctx, state: str, version: int) -> dict:
    users = [a[0] for a in ctx["actors"]]
    graded = state != "draft" or rng.random() < 0.5
    none_known = rng.random() < 0.1
    return {
        "state": state,
        "certainty": rng.choice(CERTAINTIES) if graded else "",
        "recommendation": rng.choice(RECOMMENDATIONS) if graded else "",
        "summary": _text(rng, 1, 4) if graded else "",
        "no_known_contraindication": none_known,
        "no_contraindication_reason": "No interaction or condition reported in the label or the trials."
        if none_known
        else "",
        "assignee": rng.choice(users + [None]),
        "graded_by": rng.choice(users) if graded else None,
        "submitted_by": rng.choice(users) if state not in ("draft",) else None,
        "last_edited_by": rng.choice(users),
        "decided_by": rng.choice(users)
        if state in ("approved", "rejected", "published", "withdrawn", "changes_requested")
        else None,
        "approved_hash": _approved_hash(rng) if state in APPROVED_STATES else "",
        "version": version,
    }


# States in which a review carries the hash of its frozen approval (Review.approved_hash).
APPROVED_STATES = ("approved", "published", "withdrawn")


def _approved_hash(rng: random.Random) -> str:
    return f"{rng.getrandbits(256):064x}"


def _lapse_cause(rng: random.Random, ctx: dict) -> str:
    """What reviews/contributions.content_changed gives as the reason an approval lapsed."""
    remedy = rng.choice(ctx["remedies"])[1] if ctx["remedies"] else "Quinine"
    return rng.choice(
        [
            f"remedy {remedy} changed: risk_tier 'moderate' → 'high'",
            f"aliases of remedy {remedy} changed: ['{remedy.lower()}'] → ['{remedy.lower()}', 'bench alias']",
            f"claim #{rng.randint(1, 400)} changed: population None → 'pregnancy'",
            "contraindication 'QT prolongation' of remedy-wide scope added",
        ]
    )


def _contraindication(rng, ctx, claim_id, remedy_id) -> dict:
    ref = rng.choice(ctx["references"]) if ctx["references"] and rng.random() < 0.6 else None
    return {
        "remedy_id": remedy_id if rng.random() < 0.5 else None,
        "claim_id": claim_id,
        "kind": rng.choice(["condition", "population", "interacting_drug"]),
        "condition": rng.choice(
            [
                "pregnancy",
                "liver disease",
                "warfarin",
                "QT prolongation",
                "children < 12",
                "G6PD deficiency",
                "kidney disease (eGFR < 30)",
            ]
        ),
        "severity": rng.choice(["absolute", "relative"]),
        "rationale": _text(rng, 1, 2),
        "source_kind": "reference" if ref else rng.choice(["label", "expert"]),
        "source_reference_id": ref[0] if ref else None,
        "source_date": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "contraindication_id": rng.randint(1, 5000),
    }


def _reference(rng, ctx) -> tuple:
    if ctx["references"]:
        return rng.choice(ctx["references"])
    n = rng.randint(1, 60)
    return (n, f"Reference {n}", "study", None, None, None, 2015, f"Reference {n}")


STATE_FLOW = {
    "review.started": ("", "draft"),
    "review.assigned": ("draft", "draft"),
    "review.graded": ("draft", "draft"),
    "review.submitted": ("draft", "in_review"),
    "review.changes_requested": ("in_review", "changes_requested"),
    "review.approved": ("in_review", "approved"),
    "review.approval_lapsed": ("approved", "in_review"),
    "review.rejected": ("in_review", "rejected"),
    "review.published": ("approved", "published"),
    "review.withdrawn": ("published", "withdrawn"),
}


def build_template(rng: random.Random, ctx: dict, event_type: str) -> dict:
    """(before, after, reason, scope) shaped as the services record them (reviews/services.py)."""
    before, after, reason, scope = {}, {}, "", "review"
    if event_type in STATE_FLOW:
        was, now = STATE_FLOW[event_type]
        version = rng.randint(1, 12)
        if was:
            before = _review_snapshot(rng, ctx, was, version)
            after = dict(before, state=now, version=version + 1, last_edited_by=rng.choice(ctx["actors"])[0])
            if event_type == "review.graded":
                after.update(
                    certainty=rng.choice(CERTAINTIES),
                    recommendation=rng.choice(RECOMMENDATIONS),
                    summary=_text(rng, 1, 4),
                )
            elif event_type == "review.assigned":  # only the assignee changes (reviews/services.py)
                users = [a[0] for a in ctx["actors"]]
                after.update(assignee=rng.choice(users), last_edited_by=before["last_edited_by"])
            elif event_type == "review.approved":  # the approval is frozen with its hash
                after.update(decided_by=rng.choice(ctx["actors"])[0], approved_hash=_approved_hash(rng))
            elif event_type == "review.approval_lapsed":  # reviews/contributions.lapse
                after.update(decided_by=None, approved_hash="", last_edited_by=before["last_edited_by"])
        else:
            after = _review_snapshot(rng, ctx, now, 1)
        if event_type in ("review.published", "review.withdrawn"):
            after["publication_version"] = rng.randint(1, 3)
        if event_type == "review.approval_lapsed":
            reason = _lapse_cause(rng, ctx)
        elif event_type in ("review.changes_requested", "review.rejected", "review.withdrawn") or rng.random() < 0.2:
            reason = rng.choice(REASONS)
    elif event_type.startswith("judgement."):
        domain = rng.choice(list(DOMAINS))
        judgement = {"domain": domain, "severity": rng.choice(DOMAINS[domain]), "rationale": _text(rng, 1, 3)}
        if event_type == "judgement.saved":
            after = judgement
            if rng.random() < 0.4:
                before = dict(judgement, severity=rng.choice(DOMAINS[domain]), rationale=_text(rng, 1, 2))
        else:
            before = judgement
    elif event_type == "reference.saved":
        scope = "library"
        pk, title, kind, pmid, doi, url, year, _ = _reference(rng, ctx)
        after = {
            "title": title,
            "kind": kind,
            "pmid": pmid or "",
            "doi": doi or "",
            "url": url or "",
            "year": year,
            "reference_id": pk,
        }
        if rng.random() < 0.5:
            before = {k: v for k, v in after.items() if k != "reference_id"} | {"year": (year or 2000) - 1}
    elif event_type.startswith("reference."):
        ref = _reference(rng, ctx)
        if event_type == "reference.attached":
            note = _text(rng, 1, 1) if rng.random() < 0.7 else ""
            after = {"reference_id": ref[0], "reference": ref[7], "note": note}
        else:
            before = {"reference_id": ref[0], "reference": ref[7]}
    elif event_type.startswith("contraindication."):
        scope = "contraindication"
        snap = _contraindication(rng, ctx, None, None)
        if event_type == "contraindication.added":
            after = snap
        elif event_type == "contraindication.changed":
            before, after = snap, dict(snap, severity="absolute", rationale=_text(rng, 1, 2))
        else:
            before = snap
    elif event_type in ("remedy.added", "remedy.changed"):
        scope = "remedy"
        if ctx["remedies"]:
            _, name, category, atc, tier, risk_reason = rng.choice(ctx["remedies"])
        else:
            name, category, atc, tier, risk_reason = "Quinine", "drug", "P01BC01", "high", "Haematological toxicity."
        before = {"name": name, "category": category, "atc_code": atc, "risk_tier": tier, "risk_reason": risk_reason}
        if event_type == "remedy.added":
            before, after = {}, before
        elif rng.random() < 0.3:  # reviews/catalogue_edits.remedy_set_aliases
            aliases = [name.lower(), f"{name.lower()} extract", f"{name.split()[0].lower()} (bench)"]
            before, after = {"aliases": aliases[:2]}, {"aliases": aliases}
        else:
            after = dict(before, risk_tier=rng.choice(["low", "moderate", "high"]), risk_reason=_text(rng, 1, 2))
    elif event_type == "catalogue.loaded":  # reviews/catalogue_edits.catalogue_loaded, by the loader
        scope = "catalogue"
        kinds = ("remedies", "aliases", "sources", "claims", "appearances")
        after = {
            "created": {k: rng.randint(0, 40) for k in kinds if rng.random() < 0.6},
            "updated": {k: rng.randint(1, 12) for k in kinds if rng.random() < 0.3},
            "verified_against_corpus": rng.random() < 0.8,
        }
    elif event_type == "claim.changed":  # reviews/catalogue_edits.claim_update
        scope = "claim"
        remedy_ids = [r[0] for r in ctx["remedies"]] or [1]
        statement = rng.choice(ctx["statements"]) if ctx["statements"] else _text(rng, 1, 2)
        before = {
            "remedy": rng.choice(remedy_ids),
            "kind": rng.choice(CLAIM_KINDS),
            "population": rng.choice([None, *POPULATIONS]),
            "statement": statement,
        }
        after = dict(before)
        changed = rng.choice(["remedy", "kind", "population", "statement"])
        after[changed] = {
            "remedy": rng.choice(remedy_ids),
            "kind": rng.choice(CLAIM_KINDS),
            "population": rng.choice(POPULATIONS),
            "statement": statement.rstrip(".") + " (reworded).",
        }[changed]
    elif event_type == "account.changed":  # an admin's change to an account, made in a request
        scope = "account"
        account = rng.choice(ctx["actors"])[1] if ctx["actors"] else "a.martin"
        change = rng.choice(["flags", "password", "groups"])
        if change == "groups":
            before, after = {"groups": ["reviewer"]}, {"groups": ["reviewer", "senior_reviewer"]}
        else:
            flags = {"username": account, "is_active": True, "is_staff": False, "is_superuser": False}
            before, after = dict(flags), dict(flags, is_staff=rng.random() < 0.5, is_active=rng.random() < 0.9)
            if change == "password":
                before["password"], after["password"] = "(previous)", "changed"
        before["account"] = after["account"] = account
    else:
        raise ValueError(event_type)
    return {"before": before, "after": after, "reason": reason, "scope": scope}
