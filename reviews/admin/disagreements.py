"""The two independent gradings side by side, the way Rayyan shows unmatched answers: each point
they disagree on with the first grader's value, the second's, its status, and the form that
resolves it — a grader proposes and the other confirms (agreement takes both), a third reviewer
adjudicates (a senior for a high-risk remedy); always with a reason.

Shown once both gradings are submitted, to those who may see both (blinding: until then a grader
sees only their own grading, and this page sends everyone back to the review)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from core.errors import ServiceError
from core.numbers import row_id
from reviews import permissions
from reviews.dual_grading.compare import option_label, options, value_label
from reviews.dual_grading.selectors import both_submitted, conflict_gate_gaps, disagreements, visible_gradings
from reviews.models import Disagreement, Review
from reviews.services.disagreements import disagreement_propose, disagreement_resolve

# A grader agreeing and a third reviewer adjudicating both resolve: the service tells them apart.
RESOLVING = {"confirm": "Agree", "adjudicate": "Adjudicate"}


def run_service(request, label: str, call) -> bool:
    """Run one service call in its own transaction; a refusal or bad input becomes a message."""
    try:
        with transaction.atomic():
            call()
    except ServiceError as exc:
        messages.error(request, f"{label}: refused. {exc}")
        return False
    except ValidationError as exc:
        messages.error(request, f"{label}: refused. {' '.join(exc.messages)}")
        return False
    messages.success(request, f"{label}: done.")
    return True


@dataclass
class Row:
    point: Disagreement
    first: str
    second: str
    status: str
    options: list[tuple[str, str]]
    may_propose: bool = False
    may_confirm: str = ""  # the label of the other grader's proposal this user may confirm
    may_adjudicate: bool = False


def _status(point: Disagreement) -> str:
    if point.is_resolved:
        how = "Agreed" if point.resolution == Disagreement.Resolution.AGREED else "Adjudicated"
        value = option_label(point.item, point.resolved_value)
        return f"{how}: {value} — {point.resolved_by}: “{point.resolution_reason}”"
    if point.proposed_by_id:
        value = option_label(point.item, point.proposed_value)
        return f"Open — {point.proposed_by} proposes {value}: “{point.proposal_reason}”"
    return "Open"


def rows_for(user, review: Review) -> list[Row]:
    editable = review.state in Review.EDITABLE_STATES
    adjudicator = editable and permissions.can_adjudicate(user, review)
    rows = []
    for point in disagreements(review):
        row = Row(
            point,
            value_label(point.item, point.first_value),
            value_label(point.item, point.second_value),
            _status(point),
            options(point.item),
        )
        grader = user.pk in (point.first.grader_id, point.second.grader_id)
        if editable and not point.is_resolved:
            row.may_propose = grader
            if grader and point.proposed_by_id not in (None, user.pk):
                row.may_confirm = option_label(point.item, point.proposed_value)
            row.may_adjudicate = adjudicator
        rows.append(row)
    return rows


def _resolve(request, review: Review) -> None:
    point_id = request.POST.get("disagreement", "")
    point = None
    if row_id(point_id):
        point = Disagreement.objects.filter(review=review, pk=row_id(point_id)).first()
    if point is None:
        raise Http404("No such disagreement on this review.")
    action, reason = request.POST.get("action"), request.POST.get("reason", "")
    value = request.POST.get("value")
    if action in ("propose", "adjudicate", "confirm") and value is None:
        messages.error(request, f"Choose a value first ({point.label}).")
    elif action == "propose":
        run_service(request, f"Propose ({point.label})", lambda: disagreement_propose(
            disagreement=point, actor=request.user, value=value, reason=reason))  # fmt: skip
    elif action in RESOLVING:  # the value the page showed: a newer proposal is not agreed to unseen
        run_service(request, f"{RESOLVING[action]} ({point.label})", lambda: disagreement_resolve(
            disagreement=point, actor=request.user, value=value, reason=reason))  # fmt: skip
    else:
        messages.error(request, "Choose to propose, to agree or to adjudicate.")


def disagreements_view(model_admin, request, review_id: int):
    review = get_object_or_404(Review.objects.select_related("claim__remedy"), pk=review_id)
    gradings = list(visible_gradings(request.user, review))
    review_page = reverse("admin:reviews_review_change", args=[review.pk])
    if len(gradings) < 2 or not both_submitted(review):
        messages.info(
            request,
            "The two gradings are compared once both are submitted; until then each grader sees only their own.",
        )
        return HttpResponseRedirect(review_page)
    url = reverse("admin:reviews_grading_disagreements", args=[review.pk])
    if request.method == "POST":
        _resolve(request, review)
        return HttpResponseRedirect(f"{url}#disagreement-{request.POST.get('disagreement', '')}")
    rows = rows_for(request.user, review)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": f"Disagreements: review #{review.pk}",
        "review": review,
        "review_url": review_page,
        "first": gradings[0],
        "second": gradings[1],
        "rows": rows,
        "open_count": sum(1 for row in rows if not row.point.is_resolved),
        "gate": conflict_gate_gaps(review),
    }
    return TemplateResponse(request, "admin/reviews/grading/disagreements.html", context)
