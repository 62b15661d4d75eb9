"""The reference library and the references a review cites."""

from __future__ import annotations

from django.db.models import Q

from audit.models import AuditEvent
from audit.trail import audit_record, service
from core.errors import NotAllowed
from core.roles import is_reviewer
from reviews.contributions import content_changed
from reviews.models import Reference, Review, ReviewReference
from reviews.services.editing import edit_own_grading, touch

Event = AuditEvent.Type


@service
def reference_save(*, actor, reference: Reference) -> Reference:
    """Add a reference to the shared library, or change one (formats are validated)."""
    if not is_reviewer(actor):
        raise NotAllowed("Only reviewers may edit the reference library.")
    before = {}
    if reference.pk:
        old = Reference.objects.select_for_update().get(pk=reference.pk)
        before = {f: getattr(old, f) for f in ("title", "kind", "pmid", "doi", "url", "year")}
    reference.full_clean()
    reference.save()
    after = {f: getattr(reference, f) for f in ("title", "kind", "pmid", "doi", "url", "year")}
    audit_record(
        event_type=Event.REFERENCE_SAVED, actor=actor, before=before, after=after | {"reference_id": reference.pk}
    )
    if before and before != after:
        # Every open review citing it (as evidence, for one of its outcomes, or as the source of a
        # contraindication in force) now cites something else than its grader read.
        content_changed(
            actor=actor,
            reviews=Q(review_references__reference_id=reference.pk)
            | Q(outcomes__outcome_references__reference_id=reference.pk)
            | Q(claim__contraindications__source_reference_id=reference.pk)
            | Q(claim__remedy__contraindications__source_reference_id=reference.pk),
            event_type=Event.REFERENCE_SAVED,
            cause=f"reference #{reference.pk} ({reference.title}) was changed",
        )
    return reference


@service
def reference_attach(
    *, review: Review, actor, reference: Reference, note: str = "", expected_version: int | None = None
) -> ReviewReference:
    review = edit_own_grading(review, actor, expected_version)
    link, created = ReviewReference.objects.get_or_create(review=review, reference=reference, defaults={"note": note})
    if not created and link.note != note:
        link.note = note
        link.save()
    touch(review, actor, Event.REFERENCE_ATTACHED)
    audit_record(
        event_type=Event.REFERENCE_ATTACHED,
        actor=actor,
        review=review,
        after={"reference_id": reference.pk, "reference": str(reference), "note": note},
    )
    return link


@service
def reference_detach(*, review: Review, actor, reference: Reference, expected_version: int | None = None) -> None:
    review = edit_own_grading(review, actor, expected_version)
    deleted, _ = ReviewReference.objects.filter(review=review, reference=reference).delete()
    if deleted:
        touch(review, actor, Event.REFERENCE_DETACHED)
        audit_record(
            event_type=Event.REFERENCE_DETACHED,
            actor=actor,
            review=review,
            before={"reference_id": reference.pk, "reference": str(reference)},
        )
