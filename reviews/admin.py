"""The reviewers' workbench. Every save and every transition calls a service in reviews.services;
a refusal is shown as an admin message, never as a server error."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from claims.models import Claim
from reviews import permissions, publishing, services, workflow
from reviews.errors import ReasonRequired, ReviewError
from reviews.models import (
    AuditEvent,
    Contraindication,
    DomainJudgement,
    Publication,
    Reference,
    Review,
    ReviewReference,
)
from reviews.selectors import contraindications_for_claim, review_queue


class ServiceErrorsAsMessages:
    """Run the admin's saves, deletions and actions inside one transaction each; a service refusal
    rolls it back and becomes an error message, never a server error."""

    def _refusal_as_message(self, request, view, *args, redirect_to=None):
        try:
            with transaction.atomic():
                return view(request, *args)
        except ReviewError as exc:
            self.message_user(request, f"Nothing was changed: {exc}", messages.ERROR)
            return HttpResponseRedirect(redirect_to or request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._refusal_as_message(request, super().changeform_view, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return self._refusal_as_message(request, super().delete_view, object_id, extra_context, redirect_to=change_url)

    def changelist_view(self, request, extra_context=None):
        return self._refusal_as_message(request, super().changelist_view, extra_context)


class ReadOnlyAdmin:
    """Viewed in the admin, changed only by the services (or, for sources, the loader)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# ---- the review page -------------------------------------------------------------------------


class EditableWithReview:
    """Inlines are editable exactly when the review is (its state, the user's role)."""

    def _editable(self, request, obj):
        return obj is None or permissions.can_edit(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_delete_permission(request, obj)


class DomainJudgementInline(EditableWithReview, admin.TabularInline):
    model = DomainJudgement
    extra = 0
    fields = ["domain", "severity", "rationale"]
    verbose_name = "GRADE domain judgement"


class ReviewReferenceInline(EditableWithReview, admin.TabularInline):
    model = ReviewReference
    extra = 0
    fields = ["reference", "note"]
    autocomplete_fields = ["reference"]
    verbose_name = "reference"


class ContraindicationInlineForm(forms.ModelForm):
    SCOPES = [("claim", "This claim only"), ("remedy", "Every claim of this remedy")]
    scope = forms.ChoiceField(choices=SCOPES, initial="claim")

    class Meta:
        model = Contraindication
        fields = [
            "scope",
            "kind",
            "condition",
            "severity",
            "rationale",
            "source_kind",
            "source_reference",
            "source_date",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["scope"].initial = "remedy" if self.instance.remedy_id else "claim"

    def _post_clean(self):
        # Claim or remedy is set from the scope when the review saves it (ReviewAdmin.save_formset).
        review = self.instance.review
        if review is not None and self.cleaned_data.get("scope"):
            on_remedy = self.cleaned_data["scope"] == "remedy"
            self.instance.remedy = review.claim.remedy if on_remedy else None
            self.instance.claim = None if on_remedy else review.claim
        super()._post_clean()


class ContraindicationInline(EditableWithReview, admin.StackedInline):
    model = Contraindication
    form = ContraindicationInlineForm
    fk_name = "review"
    extra = 0
    autocomplete_fields = ["source_reference"]
    verbose_name = "contraindication attached in this review"
    verbose_name_plural = "contraindications attached in this review"

    @admin.display(description="scope")
    def scope(self, obj):
        # "scope" is a form-only field: a read-only inline (a review no longer editable) shows it
        # from here, not as "None".
        return dict(ContraindicationInlineForm.SCOPES)["remedy" if obj.remedy_id else "claim"]


class ReviewForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Review
        fields = [
            "certainty",
            "recommendation",
            "summary",
            "no_known_contraindication",
            "no_contraindication_reason",
            "assignee",
            "version",
        ]


class StateFilter(admin.SimpleListFilter):
    """Open reviews by default: the queue is what still needs someone."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", "Open: not yet published or closed (default)"), *Review.State.choices, ("all", "All")]

    def choices(self, changelist):
        value = self.value() or "open"
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or "open"
        if value == "open":
            return queryset.filter(state__in=Review.OPEN_STATES)
        if value == "all":
            return queryset
        return queryset.filter(state=value)


# The service behind each button of the workflow table (reviews.workflow.TRANSITIONS).
TRANSITION_SERVICES = {
    "submit": services.review_submit,
    "approve": services.review_approve,
    "request_changes": services.review_request_changes,
    "reject": services.review_reject,
    "publish": publishing.review_publish,
    "withdraw": publishing.review_withdraw,
}


class TransitionForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "cols": 80}), required=False)


@admin.register(Review)
class ReviewAdmin(ServiceErrorsAsMessages, admin.ModelAdmin):
    form = ReviewForm
    list_display = [
        "id",
        "claim_statement",
        "remedy",
        "risk_tier",
        "state",
        "certainty",
        "recommendation",
        "assignee",
        "created_at",
    ]
    list_display_links = ["id", "claim_statement"]
    list_filter = [StateFilter, "claim__remedy__risk_tier", "certainty", "assignee"]
    search_fields = ["claim__statement", "claim__remedy__name", "claim__remedy__aliases__alias"]
    readonly_fields = ["claim_link", "state", "people", "publications", "appearances", "all_contraindications"]
    inlines = [DomainJudgementInline, ReviewReferenceInline, ContraindicationInline]
    fieldsets = [
        (None, {"fields": ["claim_link", "state", "people", "publications"]}),
        ("What the articles say", {"fields": ["appearances"]}),
        ("Evidence (GRADE)", {"fields": ["certainty", "recommendation", "summary", "assignee", "version"]}),
        (
            "Contraindications",
            {"fields": ["all_contraindications", "no_known_contraindication", "no_contraindication_reason"]},
        ),
    ]

    def get_queryset(self, request):
        return review_queue()

    def get_ordering(self, request):
        return ["risk_rank", "created_at"]  # the queue: highest risk first, then oldest

    def has_add_permission(self, request):
        return False  # a review is started from its claim (Claims → "Start review")

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_edit(request.user, obj))

    # -- display ----------------------------------------------------------------------------

    @admin.display(description="claim", ordering="claim__statement")
    def claim_statement(self, obj):
        return obj.claim.statement

    @admin.display(description="remedy", ordering="claim__remedy__name")
    def remedy(self, obj):
        return obj.claim.remedy.name

    @admin.display(description="risk", ordering="risk_rank")
    def risk_tier(self, obj):
        return obj.claim.remedy.get_risk_tier_display()

    @admin.display(description="claim")
    def claim_link(self, obj):
        url = reverse("admin:claims_claim_change", args=[obj.claim_id])
        remedy = obj.claim.remedy
        return format_html(
            '<a href="{}">{}</a> — remedy <strong>{}</strong> ({}; risk {}: {})',
            url,
            obj.claim.statement,
            remedy.name,
            remedy.get_category_display(),
            remedy.get_risk_tier_display().lower(),
            remedy.risk_reason,
        )

    @admin.display(description="people")
    def people(self, obj):
        rows = [
            ("started by", obj.started_by),
            ("graded by", obj.graded_by),
            ("submitted by", obj.submitted_by),
            ("last edited by", obj.last_edited_by),
            ("decided by", obj.decided_by),
        ]
        text = format_html_join(" · ", "{}: {}", ((label, user or "—") for label, user in rows))
        if obj.decision_note:
            text = format_html("{}<br>decision note: {}", text, obj.decision_note)
        return format_html("{}<br>version {}", text, obj.version)

    @admin.display(description="published versions of this claim")
    def publications(self, obj):
        items = obj.claim.publications.select_related("published_by").order_by("version")
        if not items:
            return "not published"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>v{} — {} by {}{}{}</li>",
                (
                    (
                        p.version,
                        p.published_at.strftime("%Y-%m-%d %H:%M UTC"),
                        p.published_by,
                        " (this review)" if p.review_id == obj.pk else "",
                        " — current" if p.is_current else (" — withdrawn" if p.withdrawn_at else " — superseded"),
                    )
                    for p in items
                ),
            ),
        )

    @admin.display(description="appearances (verbatim quotes)")
    def appearances(self, obj):
        items = obj.claim.appearances.select_related("source")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li><em>{}</em> [{}:{}]: “{}”{}</li>",
                ((a.source.file_name, a.start, a.end, a.quote, f" — dose: {a.dose}" if a.dose else "") for a in items),
            ),
        )

    @admin.display(description="all contraindications (inherited from the remedy and the claim's own)")
    def all_contraindications(self, obj):
        items = contraindications_for_claim(obj.claim)
        if not items:
            return "none yet"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li><strong>{}</strong> — {} ({}, {}; source: {} {})</li>",
                (
                    (
                        c.condition,
                        c.rationale,
                        c.get_severity_display().lower(),
                        "remedy-wide" if c.remedy_id else "this claim",
                        c.get_source_kind_display().lower(),
                        c.source_reference or "",
                    )
                    for c in items
                ),
            ),
        )

    # -- saving through the services ----------------------------------------------------------

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":  # only people who can review
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(groups__name__in=["reviewer", "senior_reviewer"], is_active=True)
                .distinct()
                .order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None:
            form.base_fields["version"].initial = obj.version
        return form

    def save_model(self, request, obj, form, change):
        changes = {field: form.cleaned_data[field] for field in services.EDIT_FIELDS}
        services.review_save_grading(
            review=obj, actor=request.user, expected_version=form.cleaned_data["version"], **changes
        )

    def save_formset(self, request, form, formset, change):
        review, actor = form.instance, request.user
        objects = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            if isinstance(deleted, DomainJudgement):
                services.judgement_remove(review=review, actor=actor, domain=deleted.domain)
            elif isinstance(deleted, ReviewReference):
                services.reference_detach(review=review, actor=actor, reference=deleted.reference)
            elif isinstance(deleted, Contraindication):
                services.contraindication_remove(actor=actor, contraindication=deleted)
        for item in objects:
            if isinstance(item, DomainJudgement):
                services.judgement_save(
                    review=review, actor=actor, domain=item.domain, severity=item.severity, rationale=item.rationale
                )
            elif isinstance(item, ReviewReference):
                services.reference_attach(review=review, actor=actor, reference=item.reference, note=item.note)
            elif isinstance(item, Contraindication):
                item.review = review
                services.contraindication_save(actor=actor, contraindication=item)

    def log_change(self, request, obj, message):
        pass  # the audit trail, not Django's LogEntry, is the record

    # -- transitions --------------------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<path:object_id>/transition/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="reviews_review_transition",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        review = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if review is not None:
            extra_context["transitions"] = workflow.available(request.user, review)
            extra_context["waiting_for"] = self.waiting_for(request.user, review)
            extra_context["approval_gaps"] = services.approval_gaps(review) if review.is_open else []
            extra_context["claim_history_url"] = reverse("admin:claims_claim_history", args=[review.claim_id])
        return super().change_view(request, object_id, form_url, extra_context)

    @staticmethod
    def waiting_for(user, review) -> str:
        """Why this user has nothing to press, in words a reviewer understands."""
        if review.state == Review.State.IN_REVIEW and permissions.contributed(user, review):
            return "Waiting for a second reviewer: you took part in this review (four-eyes)."
        if review.state == Review.State.IN_REVIEW and review.claim.remedy.risk_tier == "high":
            return "Waiting for a senior reviewer: the remedy is high-risk."
        if review.state == Review.State.APPROVED:
            return "Approved: waiting for a senior reviewer who did not author it to publish it."
        return ""

    def transition_view(self, request, object_id, name):
        review = self.get_object(request, object_id)  # None for an id that is not one
        if review is None:
            raise Http404("No such review.")
        transition = workflow.TRANSITIONS.get(name)
        if name not in TRANSITION_SERVICES or not self.has_view_permission(request, review):
            raise PermissionDenied
        label, service, needs_reason = transition.label, TRANSITION_SERVICES[name], transition.reason_required
        form = TransitionForm(request.POST if request.method == "POST" else None)
        change_url = reverse("admin:reviews_review_change", args=[review.pk])
        if request.method == "POST" and form.is_valid():
            reason = form.cleaned_data["reason"]
            kwargs = {"reason": reason} if needs_reason else {"note": reason}
            try:
                with transaction.atomic():
                    service(review=review, actor=request.user, **kwargs)
            except ReviewError as exc:
                self.message_user(request, f"{label}: refused. {exc}", messages.ERROR)
                if isinstance(exc, ReasonRequired):
                    return HttpResponseRedirect(request.path)
                return HttpResponseRedirect(change_url)
            self.message_user(request, f"{label}: done.", messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": review,
            "title": f"{label}: review #{review.pk}",
            "form": form,
            "label": label,
            "needs_reason": needs_reason,
            "change_url": change_url,
            "approval_gaps": services.approval_gaps(review) if review.is_open else [],
        }
        return TemplateResponse(request, "admin/reviews/review/transition.html", context)


# ---- the reference library, contraindications, the audit trail -------------------------------


@admin.register(Reference)
class ReferenceAdmin(ServiceErrorsAsMessages, admin.ModelAdmin):
    list_display = ["title", "kind", "year", "pmid", "doi"]
    list_filter = ["kind", "year"]
    search_fields = ["title", "pmid", "doi", "url"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.reference_save(actor=request.user, reference=obj)

    def log_addition(self, request, obj, message):
        pass

    def log_change(self, request, obj, message):
        pass


@admin.register(Contraindication)
class ContraindicationAdmin(ServiceErrorsAsMessages, admin.ModelAdmin):
    list_display = ["condition", "severity", "kind", "remedy", "claim", "source_kind", "source_date"]
    list_filter = ["severity", "kind", "source_kind", "remedy__risk_tier"]
    search_fields = ["condition", "rationale", "remedy__name", "claim__statement"]
    autocomplete_fields = ["remedy", "claim", "source_reference"]
    exclude = ["created_by", "review"]

    def save_model(self, request, obj, form, change):
        services.contraindication_save(actor=request.user, contraindication=obj)

    def delete_model(self, request, obj):
        services.contraindication_remove(actor=request.user, contraindication=obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for item in queryset:
                services.contraindication_remove(actor=request.user, contraindication=item)

    def log_addition(self, request, obj, message):
        pass

    def log_change(self, request, obj, message):
        pass

    def log_deletions(self, request, queryset):
        pass


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """What the content API serves, read-only: publications change only through the services."""

    list_display = [
        "claim",
        "version",
        "is_current",
        "certainty",
        "recommendation",
        "risk_tier",
        "published_by",
        "published_at",
        "withdrawn_at",
    ]
    list_filter = ["is_current", "certainty", "recommendation", "risk_tier"]
    search_fields = ["search_text"]
    readonly_fields = [
        "claim",
        "review",
        "version",
        "is_current",
        "published_by",
        "published_at",
        "withdrawn_at",
        "change_note",
        "snapshot",
    ]
    exclude = ["remedy", "category", "kind", "population", "risk_tier", "certainty", "recommendation", "search_text"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Read-only for everyone: an audit event is a fact."""

    list_display = [
        "seq",
        "occurred_at",
        "event_type",
        "actor_username",
        "claim_id",
        "review_id",
        "remedy_id",
        "reason",
    ]
    list_filter = ["event_type", "occurred_at"]
    search_fields = ["actor_username", "reason", "=claim__id", "=review__id"]
    date_hierarchy = "occurred_at"
    readonly_fields = [
        "seq",
        "occurred_at",
        "event_type",
        "actor",
        "actor_username",
        "claim",
        "review",
        "remedy",
        "reason",
        "diff",
        "prev_hash",
        "hash",
    ]
    exclude = ["before", "after"]

    @admin.display(description="changes")
    def diff(self, obj):
        return render_diff(obj)


def render_diff(event: AuditEvent):
    changed = event.changed_fields()
    if not changed:
        return "—"
    if "approved_snapshot" in changed:  # the whole approved claim: named by its hash, not printed
        changed["approved_snapshot"] = (None, f"frozen (hash {event.after.get('approved_hash', '')[:12]}…)")
    return format_html(
        "<table>{}</table>",
        format_html_join(
            "",
            "<tr><th>{}</th><td><del>{}</del></td><td>→</td><td><ins>{}</ins></td></tr>",
            ((field, "" if old is None else old, "" if new is None else new) for field, (old, new) in changed.items()),
        ),
    )


def start_review_action(modeladmin, request, queryset):
    started = 0
    for claim in queryset:
        try:
            services.review_start(claim=claim, actor=request.user)
            started += 1
        except ReviewError as exc:
            modeladmin.message_user(request, f"Claim #{claim.pk}: {exc}", messages.ERROR)
    if started:
        modeladmin.message_user(request, f"Started {started} review(s).", messages.SUCCESS)


start_review_action.short_description = "Start a review of the selected claims"


@admin.action(description="Export the audit history of the selected claims (CSV)", permissions=["view"])
def export_claim_history_action(modeladmin, request, queryset):
    from django.db.models import Q
    from django.http import StreamingHttpResponse

    from reviews.audit_export import export_bytes

    claims = queryset.order_by()  # the list's ordering and annotations are not needed here
    claim_ids = list(claims.values_list("pk", flat=True))
    remedy_ids = list(claims.values_list("remedy_id", flat=True).distinct())
    events = AuditEvent.objects.filter(Q(claim_id__in=claim_ids) | Q(remedy_id__in=remedy_ids))
    response = StreamingHttpResponse(export_bytes(events, "csv"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claim-history.csv"'
    return response


def claim_history_view(modeladmin, request, object_id):
    """A claim's audit history (its reviews, own and inherited contraindications) with diffs."""
    from reviews.selectors import claim_history

    claim = modeladmin.get_object(request, object_id)  # None for an id that is not one
    if claim is None:
        raise Http404("No such claim.")
    if not modeladmin.has_view_permission(request, claim):
        raise PermissionDenied
    events = [(event, render_diff(event)) for event in claim_history(claim).select_related("actor")]
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": Claim._meta,
        "original": claim,
        "title": f"Audit history: {claim}",
        "events": events,
    }
    return TemplateResponse(request, "admin/claims/claim/audit_history.html", context)
