"""`{% load dual_grading %}`: the review page's dual-grading panel.

{% dual_grading_panel review %}   the gradings this reader may open, their start, the side-by-side
                                  disagreements once both are in, the conflict gate; on a review
                                  graded once, a senior's "require dual grading"
"""

from django import template
from django.urls import reverse

from reviews import permissions
from reviews.dual_grading.selectors import conflict_gate_gaps, grader_ids, submitted_count, visible_gradings

register = template.Library()


@register.inclusion_tag("admin/reviews/review/_dual_grading.html", takes_context=True)
def dual_grading_panel(context, review):
    user = context["request"].user
    panel = {"review": review, "csrf_token": context.get("csrf_token")}
    if not review.dual_grading:
        return panel | {"may_require": permissions.can_require_dual_grading(user, review)}
    graders = grader_ids(review)
    gradings = list(visible_gradings(user, review))
    submitted = submitted_count(review)
    both = submitted >= 2 and len(gradings) == 2
    return panel | {
        "gradings": gradings,
        "submitted": submitted,
        "may_start": permissions.can_grade(user, review) and user.pk not in graders and len(graders) < 2,
        "disagreements_url": reverse("admin:reviews_grading_disagreements", args=[review.pk]) if both else "",
        "open_count": review.disagreements.filter(resolution="").count() if both else 0,
        "gate": conflict_gate_gaps(review) if review.is_open else [],
    }
