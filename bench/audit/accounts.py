"""The audit bench's accounts, made through the project's own code in this process: an auditor
with an API token, a dozen reviewers, one draft review per catalogue claim, a small library."""

from __future__ import annotations

import random

from bench import app

REVIEWER_NAMES = [
    "a.martin",
    "b.nguyen",
    "c.okafor",
    "d.schmidt",
    "e.rossi",
    "f.haddad",
    "g.kowalski",
    "h.tanaka",
    "i.fernandez",
    "j.andersen",
    "k.dubois",
    "l.o'brien",
]


def create_accounts() -> dict:
    """The auditor (with an API token) and the reviewers, through the project's code; one review per claim."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    claim_model, remedy_model = app.model("Claim"), app.model("Remedy")
    reference_model, review_model = app.model("Reference"), app.model("Review")
    roles = app.roles()

    User = get_user_model()  # noqa: N806
    auditor = User.objects.create_user("bench_auditor", email="auditor@example.org")
    auditor.groups.add(Group.objects.get(name=roles.AUDITOR))
    token = app.token_issue(auditor)

    reviewers = []
    for i, name in enumerate(REVIEWER_NAMES):
        user = User.objects.create_user(name, email=f"{name.replace(chr(39), '')}@example.org")
        user.groups.add(Group.objects.get(name=roles.SENIOR_REVIEWER if i % 3 == 0 else roles.REVIEWER))
        reviewers.append(user)

    rng = random.Random(7)
    claims = list(claim_model.objects.order_by("id").values_list("id", "remedy_id"))
    reviews = []
    for claim_id, remedy_id in claims:
        review = review_model.objects.create(claim_id=claim_id, started_by=rng.choice(reviewers))
        reviews.append((claim_id, review.pk, remedy_id))
    remedies = list(
        remedy_model.objects.order_by("id").values_list(
            "id", "name", "category", "atc_code", "risk_tier", "risk_reason"
        )
    )
    if not reference_model.objects.exists():  # the catalogue brings none: a small library, as reviewers would build
        for title, kind, year, pmid, doi, url in LIBRARY:
            reference_model.objects.create(title=title, kind=kind, year=year, pmid=pmid, doi=doi, url=url)
    references = [(r.pk, r.title, r.kind, r.pmid, r.doi, r.url, r.year, str(r)) for r in reference_model.objects.all()]
    statements = list(claim_model.objects.values_list("statement", flat=True))
    return {
        "token": token,
        "actors": [(u.pk, u.username) for u in reviewers],
        "reviews": reviews,
        "remedies": remedies,
        "references": references,
        "statements": statements,
    }


LIBRARY = [
    (
        "Quinine for muscle cramps (Cochrane review)",
        "systematic_review",
        2015,
        "25842375",
        "10.1002/14651858.CD005044.pub3",
        "",
    ),
    (
        "Magnesium for skeletal muscle cramps (Cochrane review)",
        "systematic_review",
        2020,
        "",
        "10.1002/14651858.CD009402.pub3",
        "",
    ),
    (
        "Assessment: symptomatic treatment for muscle cramps (AAN guideline)",
        "guideline",
        2010,
        "20177124",
        "10.1212/WNL.0b013e3181d0ccca",
        "",
    ),
    ("Nocturnal leg cramps (AAFP)", "guideline", 2012, "22963024", "", ""),
    ("Stretching before sleep reduces nocturnal leg cramps", "study", 2012, "22341378", "", ""),
    ("Pickle juice and electrically induced muscle cramps", "study", 2010, "", "10.1249/MSS.0b013e3181c0647e", ""),
    (
        "Quinine sulfate label: boxed warning",
        "label",
        2019,
        "",
        "",
        "https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/021799s020lbl.pdf",
    ),
    ("Greater celandine hepatotoxicity", "study", 2012, "23109446", "", ""),
]
