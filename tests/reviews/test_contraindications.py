import pytest
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from core.errors import InvalidTransition, NotAllowed
from reviews import services
from reviews.models import Contraindication
from reviews.selectors import contraindications_for_claim

pytestmark = pytest.mark.django_db


def ci(**kwargs):
    values = {"condition": "Pregnancy", "severity": "absolute", "rationale": "Label.", "source_kind": "label"}
    return Contraindication(**{**values, **kwargs})


def test_remedy_level_is_inherited_by_every_claim_of_the_remedy(high_claim, reviewer):
    services.contraindication_save(actor=reviewer, contraindication=ci(remedy=high_claim.remedy))
    for claim in high_claim.remedy.claims.all():
        assert [c.condition for c in contraindications_for_claim(claim)] == ["Pregnancy"]
    event = AuditEvent.objects.get(event_type="contraindication.added")
    assert event.remedy_id == high_claim.remedy_id and event.after["condition"] == "Pregnancy"


def test_claim_level_edit_counts_as_an_edit_of_the_open_review(graded_review, reviewer2):
    services.contraindication_save(actor=reviewer2, contraindication=ci(claim=graded_review.claim))
    graded_review.refresh_from_db()
    assert graded_review.last_edited_by == reviewer2


def test_claim_level_change_is_refused_while_the_review_awaits_approval(submitted_review, reviewer2):
    with pytest.raises(InvalidTransition):
        services.contraindication_save(actor=reviewer2, contraindication=ci(claim=submitted_review.claim))
    assert not Contraindication.objects.exists()


def test_change_and_removal_are_audited_with_before_values(high_claim, reviewer):
    item = services.contraindication_save(actor=reviewer, contraindication=ci(remedy=high_claim.remedy))
    item.severity = "relative"
    services.contraindication_save(actor=reviewer, contraindication=item)
    services.contraindication_remove(actor=reviewer, contraindication=item)
    events = list(AuditEvent.objects.exclude(event_type="catalogue.loaded").order_by("seq"))
    assert [e.event_type for e in events] == [
        "contraindication.added",
        "contraindication.changed",
        "contraindication.removed",
    ]
    assert events[1].changed_fields()["severity"] == ("absolute", "relative")
    assert events[2].before["severity"] == "relative"


def test_auditor_cannot_add(high_claim, auditor):
    with pytest.raises(NotAllowed):
        services.contraindication_save(actor=auditor, contraindication=ci(remedy=high_claim.remedy))


def test_database_requires_exactly_one_of_remedy_or_claim(high_claim):
    with pytest.raises(IntegrityError), transaction.atomic():
        ci(remedy=high_claim.remedy, claim=high_claim).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        ci().save()
