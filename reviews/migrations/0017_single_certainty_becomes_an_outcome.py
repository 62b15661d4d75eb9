"""Every review graded before outcomes came in becomes a review with one outcome, "overall,
migrated": its judgements move to it, it cites the review's references, and its certainty keeps the
review's through an override whose reason says so. Nothing is dropped: the review keeps its
certainty (now the outcome's, as the lowest critical one) and its judgements keep their review."""

from django.db import migrations

# Written out, not imported: a migration keeps meaning what it meant when it was written.
NAME = "overall, migrated"
REASON = "migrated from a single-certainty review"


def forwards(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    Outcome = apps.get_model("reviews", "Outcome")
    OutcomeReference = apps.get_model("reviews", "OutcomeReference")
    DomainJudgement = apps.get_model("reviews", "DomainJudgement")
    ReviewReference = apps.get_model("reviews", "ReviewReference")
    graded = set(DomainJudgement.objects.values_list("review_id", flat=True))
    graded |= set(Review.objects.exclude(certainty="").values_list("id", flat=True))
    for review in Review.objects.filter(id__in=graded).order_by("id").iterator():
        outcome = Outcome.objects.create(
            review_id=review.id,
            position=0,
            name=NAME,
            direction="benefit",
            importance="critical",
            design="",
            certainty=review.certainty,
            certainty_override=review.certainty,
            override_reason=REASON if review.certainty else "",
        )
        DomainJudgement.objects.filter(review_id=review.id).update(outcome=outcome)
        OutcomeReference.objects.bulk_create(
            OutcomeReference(outcome=outcome, reference_id=link.reference_id, note=link.note)
            for link in ReviewReference.objects.filter(review_id=review.id).order_by("id")
        )


def backwards(apps, schema_editor):
    # The review kept its certainty and its judgements their review: only the outcomes go (a
    # review graded with several outcomes since cannot be told back in one certainty).
    Outcome = apps.get_model("reviews", "Outcome")
    DomainJudgement = apps.get_model("reviews", "DomainJudgement")
    DomainJudgement.objects.exclude(outcome__name=NAME).filter(outcome__isnull=False).delete()
    DomainJudgement.objects.update(outcome=None)
    Outcome.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0016_outcomes_and_dual_grading")]
    operations = [migrations.RunPython(forwards, backwards)]
