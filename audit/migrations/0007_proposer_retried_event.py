"""The event type of running the proposer again on an article whose background run failed: article.proposer_retried."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0006_background_proposals_event'),
        ('claims', '0009_conditions'),
        ('reviews', '0023_publication_condition'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='auditevent',
            name='auditevent_type_known',
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='event_type',
            field=models.CharField(choices=[('review.started', 'Review Started'), ('review.assigned', 'Review Assigned'), ('review.graded', 'Review Graded'), ('review.submitted', 'Review Submitted'), ('review.changes_requested', 'Review Changes Requested'), ('review.approved', 'Review Approved'), ('review.approval_lapsed', 'Review Approval Lapsed'), ('review.rejected', 'Review Rejected'), ('review.published', 'Review Published'), ('review.withdrawn', 'Review Withdrawn'), ('review.dual_grading_required', 'Review Dual Grading Required'), ('reference.attached', 'Reference Attached'), ('reference.detached', 'Reference Detached'), ('reference.saved', 'Reference Saved'), ('judgement.saved', 'Judgement Saved'), ('judgement.removed', 'Judgement Removed'), ('outcome.added', 'Outcome Added'), ('outcome.changed', 'Outcome Changed'), ('outcome.removed', 'Outcome Removed'), ('outcome.certainty_overridden', 'Outcome Certainty Overridden'), ('outcome.override_removed', 'Outcome Override Removed'), ('outcome.reference_attached', 'Outcome Reference Attached'), ('outcome.reference_detached', 'Outcome Reference Detached'), ('grading.started', 'Grading Started'), ('grading.changed', 'Grading Changed'), ('grading.submitted', 'Grading Submitted'), ('grading.disagreements_listed', 'Disagreements Listed'), ('grading.disagreement_proposed', 'Disagreement Proposed'), ('grading.disagreement_resolved', 'Disagreement Resolved'), ('grading.resolved', 'Grading Resolved'), ('contraindication.added', 'Contraindication Added'), ('contraindication.changed', 'Contraindication Changed'), ('contraindication.removed', 'Contraindication Removed'), ('remedy.added', 'Remedy Added'), ('remedy.changed', 'Remedy Changed'), ('claim.added', 'Claim Added'), ('claim.changed', 'Claim Changed'), ('catalogue.loaded', 'Catalogue Loaded'), ('article.added', 'Article Added'), ('article.proposed', 'Article Proposed'), ('article.proposer_retried', 'Article Proposer Retried'), ('proposal.added', 'Proposal Added'), ('proposal.edited', 'Proposal Edited'), ('proposal.accepted', 'Proposal Accepted'), ('proposal.rejected', 'Proposal Rejected'), ('account.changed', 'Account Changed')], max_length=64),
        ),
        migrations.AddConstraint(
            model_name='auditevent',
            constraint=models.CheckConstraint(condition=models.Q(('event_type__in', ['review.started', 'review.assigned', 'review.graded', 'review.submitted', 'review.changes_requested', 'review.approved', 'review.approval_lapsed', 'review.rejected', 'review.published', 'review.withdrawn', 'review.dual_grading_required', 'reference.attached', 'reference.detached', 'reference.saved', 'judgement.saved', 'judgement.removed', 'outcome.added', 'outcome.changed', 'outcome.removed', 'outcome.certainty_overridden', 'outcome.override_removed', 'outcome.reference_attached', 'outcome.reference_detached', 'grading.started', 'grading.changed', 'grading.submitted', 'grading.disagreements_listed', 'grading.disagreement_proposed', 'grading.disagreement_resolved', 'grading.resolved', 'contraindication.added', 'contraindication.changed', 'contraindication.removed', 'remedy.added', 'remedy.changed', 'claim.added', 'claim.changed', 'catalogue.loaded', 'article.added', 'article.proposed', 'article.proposer_retried', 'proposal.added', 'proposal.edited', 'proposal.accepted', 'proposal.rejected', 'account.changed'])), name='auditevent_type_known'),
        ),
    ]
