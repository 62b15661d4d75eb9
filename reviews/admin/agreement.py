"""The agreement page: how far the two graders of dual-graded reviews agree, overall and per pair,
for seniors and auditors (reviews.agreement.can_see_agreement); anyone else on the staff gets 403.
Wired in config/urls.py under the admin; linked from the review list."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from reviews.agreement import LANDIS_KOCH, agreement_figures, can_see_agreement


def agreement_page(request):
    if not can_see_agreement(request.user):
        raise PermissionDenied
    figures = agreement_figures()
    overall = figures.overall
    context = {
        **admin.site.each_context(request),
        "title": "Agreement between graders",
        "figures": figures,
        "measures": [
            ("Certainty (the grading's overall certainty)", overall.certainty),
            ("Recommendation: direction (for / against / insufficient evidence)", overall.direction),
            ("Recommendation: direction and strength", overall.recommendation),
        ],
        "bands": LANDIS_KOCH,
    }
    return TemplateResponse(request, "admin/reviews/agreement.html", context)


# Staff only, like every admin page: others are sent to the login page.
agreement_view = admin.site.admin_view(agreement_page)
