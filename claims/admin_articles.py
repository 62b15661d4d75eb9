"""Articles in the admin: the list of sources, "Add an article" (paste or upload; the admin's add
page leads there), a source's page with its quotes marked, and per article its proposals
(claims.admin_proposals). Taking an article in goes through claims.articles; a refusal is a
message, never a server error."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from claims import permissions
from claims.admin_proposals import ProposalPages, refusal
from claims.article_forms import ArticleForm
from claims.articles import DuplicateArticle, ingest_article, language_note
from claims.highlight import quotes_marked
from claims.models import Appearance, Source
from claims.proposals import Proposal, ProposalStatus, ProposerRun, RunState
from claims.selectors import condition_names
from core.admin_bases import ReadOnlyAdmin
from core.counts import count_of
from core.errors import ServiceError
from core.numbers import row_id


@admin.register(Source)
class SourceAdmin(ProposalPages, ReadOnlyAdmin, admin.ModelAdmin):
    """Sources are never edited here: the catalogue's come from the loader, which checks their
    checksums and quotes; an ingested article is stored once, as it was taken in."""

    list_display = ["file_name", "title", "condition", "language", "appearance_count", "proposals_link", "added_at"]
    list_filter = ["condition"]
    search_fields = ["file_name", "title"]
    fields = ["file_name", "title", "condition", "url", "language", "format", "sha256", "added_by", "added_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("text")
            .select_related("proposer_run", "condition")
            .annotate(
                appearance_count=count_of(Appearance.objects.all(), "source"),
                proposal_count=count_of(Proposal.objects.all(), "source"),
                pending_count=count_of(Proposal.objects.filter(status=ProposalStatus.PENDING), "source"),
            )
        )

    @admin.display(ordering="appearance_count", description="appearances")
    def appearance_count(self, obj):
        return obj.appearance_count

    @admin.display(ordering="pending_count", description="proposals")
    def proposals_link(self, obj):
        url = reverse("admin:claims_source_proposals", args=[obj.pk])
        run = getattr(obj, "proposer_run", None)
        if run is not None and run.state != RunState.DONE:
            return format_html('<a href="{}">{} ({}%)</a>', url, run.get_state_display().lower(), run.percent)
        if not obj.proposal_count:
            return format_html('<a href="{}">none</a>', url) if obj.format else "—"
        return format_html('<a href="{}">{} pending of {}</a>', url, obj.pending_count, obj.proposal_count)

    # Adding is taking in an article: the add page leads to it.

    def has_add_permission(self, request):
        # The role's model permission (granted by claims 0007) shows the link, at no query; the
        # pages ask the predicate, which the services enforce. A superuser holds every permission but
        # no role: asked the predicate, so that no link leads to a refusal.
        if request.user.is_superuser:
            return permissions.can_add_article(request.user)
        return admin.ModelAdmin.has_add_permission(self, request)

    def add_view(self, request, form_url="", extra_context=None):
        if not permissions.can_add_article(request.user):
            raise PermissionDenied
        return HttpResponseRedirect(reverse("admin:claims_source_add_article"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("add-article/", view(self.add_article_view), name="claims_source_add_article"),
            path("<int:source_id>/proposals/", view(self.proposals_view), name="claims_source_proposals"),
            path(
                "<int:source_id>/proposals/<int:proposal_id>/accept/",
                view(self.proposal_accept_view),
                name="claims_source_proposal_accept",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {**(extra_context or {}), "proposals_url": None}
        source = Source.objects.filter(pk=row_id(object_id)).first() if row_id(object_id) else None
        if source is not None:
            if source.format:
                extra["proposals_url"] = reverse("admin:claims_source_proposals", args=[source.pk])
            extra.update(article_with_quotes(source))
        return super().change_view(request, object_id, form_url, extra)

    def _page(self, request, template, title, **context):
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": title, **context}
        return TemplateResponse(request, f"admin/claims/source/{template}", context)

    def add_article_view(self, request):
        if not permissions.can_add_article(request.user):
            raise PermissionDenied
        # A request over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB, above the 2 MB of text an article may
        # have) is refused before this view runs, as a 413 that says so (config.request_guards).
        form = ArticleForm(request.POST, request.FILES) if request.method == "POST" else ArticleForm()
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                source = ingest_article(
                    article=data["article"],
                    actor=request.user,
                    condition=data["condition"],
                    title=data["title"],
                    url=data["url"],
                    language=data["language"],
                )
            except DuplicateArticle as exc:
                messages.warning(request, str(exc))
                return HttpResponseRedirect(self._source_page(exc.source))
            except (ServiceError, ValidationError) as exc:
                messages.error(request, f"Nothing was written: {refusal(exc)}")
            else:
                if ProposerRun.objects.filter(source=source).exists():
                    said = ": its claims are being proposed in the background; this page shows how far"
                else:
                    said = f" with {source.proposals.count()} proposals to confirm"
                messages.success(request, f"Stored “{source.title}”{said}.")
                if note := language_note(source.language):
                    messages.warning(request, note)
                return HttpResponseRedirect(reverse("admin:claims_source_proposals", args=[source.pk]))
        return self._page(request, "add_article.html", "Add an article", form=form, conditions=condition_names())

    @staticmethod
    def _source_page(source):
        if Source.objects.filter(pk=source.pk).exclude(format="").exists():  # an ingested article
            return reverse("admin:claims_source_proposals", args=[source.pk])
        return reverse("admin:claims_source_change", args=[source.pk])

    def _source(self, request, source_id) -> Source:
        source = get_object_or_404(Source.objects.select_related("condition"), pk=source_id)
        if not self.has_view_permission(request, source):
            raise PermissionDenied
        return source


def article_with_quotes(source: Source) -> dict:
    """The source page's article: its stored text with the quote of every appearance marked (each
    anchored "appearance-<id>", where the review page links), and the appearances listed."""
    appearances = list(source.appearances.select_related("claim").order_by("start", "pk"))
    readable = [a for a in appearances if source.text[a.start : a.end] == a.quote]
    spans = [(a.start, a.end, f"appearance-{a.pk}") for a in readable]
    return {
        "source_appearances": appearances,
        "article_text": quotes_marked(source.text, spans) if source.text else None,
    }
