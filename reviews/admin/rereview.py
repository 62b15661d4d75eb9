"""Starting a review from a claim's page. A claim whose published version is live is re-reviewed
only for a reason, asked on a page that says the published version stays live until the new
review is published; the service refuses a re-review without one too."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from claims.models import Claim
from core.errors import ServiceError
from reviews import services
from reviews.services.transitions import live_publication


class ReReviewForm(forms.Form):
    reason = forms.CharField(
        label="Why review it again",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="On the record with the new review: what changed (new evidence, a safety signal, an error).",
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Give the reason for reviewing a published claim again.")
        return reason


def start_review_page(modeladmin, request, claim: Claim):
    """GET: a published claim's re-review form (any other claim goes back to its page, where the
    button posts). POST: start the review, with the reason when the claim is published."""
    claim_url = reverse("admin:claims_claim_change", args=[claim.pk])
    live = live_publication(claim)
    if live is None and request.method != "POST":
        return HttpResponseRedirect(claim_url)
    form = ReReviewForm(request.POST) if live is not None and request.method == "POST" else ReReviewForm()
    if request.method == "POST" and (live is None or form.is_valid()):
        reason = form.cleaned_data["reason"] if live is not None else ""
        try:
            review = services.review_start(claim=claim, actor=request.user, reason=reason)
        except ServiceError as exc:
            modeladmin.message_user(request, f"Review not started: {exc}", messages.ERROR)
            return HttpResponseRedirect(claim_url)
        said = f" Version {live.version} stays live until this review is published." if live is not None else ""
        modeladmin.message_user(request, f"Review #{review.pk} started.{said}", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[review.pk]))
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": Claim._meta,
        "original": claim,
        "title": f"Review claim #{claim.pk} again",
        "form": form,
        "live": live,
        "claim_url": claim_url,
    }
    return TemplateResponse(request, "admin/claims/claim/start_review.html", context)
