"""The catalogue in the admin: remedies with their aliases, and claims with their appearances.
Every change goes through claims.edits. Sources, adding an article and confirming its proposals:
claims.admin_articles. The reviews app extends the remedy and claim admins with what it knows
(reviews.admin.catalogue)."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Case, Count, Exists, OuterRef, Q, When
from django.db.models.functions import Lower

from claims import admin_articles, edits  # noqa: F401 (admin_articles registers the sources' admin)
from claims.ingest.brands import brand_table
from claims.models import Appearance, Claim, Condition, Remedy, RemedyAlias, Source
from claims.selectors import CLAIM_RISK_ORDER
from core.admin_bases import ReadOnlyAdmin, ServiceErrorsAsMessages
from core.counts import count_of
from core.numbers import row_id


class AppearanceSourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        # The catalogue's articles by their number (000 …), an ingested one by its condition.
        sources = Source.objects.select_related("condition").defer("text").order_by("file_name")
        return [
            (str(s.pk), f"{s.title[:60]} ({s.file_name[:3] if s.file_name[:3].isdigit() else s.condition})")
            for s in sources
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if (source_id := row_id(value)) is None:
            raise IncorrectLookupParameters(f"source: {value!r} is not a source id")
        return queryset.filter(Exists(Appearance.objects.filter(claim=OuterRef("pk"), source_id=source_id)))


class RemedyAliasInline(admin.TabularInline):
    model = RemedyAlias
    extra = 0


@admin.register(Remedy)
class RemedyAdmin(ServiceErrorsAsMessages, admin.ModelAdmin):
    ordering = [Lower("name")]
    list_display = ["name", "category", "atc_code", "risk_tier", "alias_list", "claim_count"]
    list_filter = ["category", "risk_tier"]
    search_fields = ["name", "aliases__alias", "atc_code"]
    inlines = [RemedyAliasInline]

    def save_model(self, request, obj, form, change):
        # Classification and risk tier are reviewed data: changed through the service, on the record.
        values = {field: form.cleaned_data[field] for field in edits.REMEDY_FIELDS if field in form.cleaned_data}
        if change:
            edits.remedy_update(remedy=obj, actor=request.user, **values)
        else:
            edits.remedy_add(remedy=obj, actor=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not RemedyAlias:
            return super().save_formset(request, form, formset, change)
        # The admin's change message reads what the formset would save; the service saves it.
        formset.save(commit=False)
        aliases = [
            f.cleaned_data["alias"]
            for f in formset.forms
            if f.cleaned_data.get("alias") and not f.cleaned_data.get("DELETE")
        ]
        edits.remedy_set_aliases(remedy=form.instance, actor=request.user, aliases=aliases)

    def get_search_results(self, request, queryset, search_term):
        """Matches with the name as typed first, then an alias or a brand as typed ("Gaviscon":
        sodium alginate; "water": fluid intake), then names that start with it, then the rest:
        typing "milk" listed "dairy products" (its alias "milk") above milk, and Enter took it;
        typing "water" listed watercress first."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return found, duplicates
        # a brand of the repository's table finds its ingredient: "Gaviscon", "Tums" (they are no aliases)
        branded = Q()
        for ingredient in {b.ingredient for b in brand_table() if b.brand.casefold() == term.casefold()}:
            branded |= Q(name__iexact=ingredient)
        if branded:
            found = found | queryset.filter(branded)
        ranks = [
            When(name__iexact=term, then=0),
            When(Exists(RemedyAlias.objects.filter(remedy=OuterRef("pk"), alias__iexact=term)), then=1),
            *([When(branded, then=1)] if branded else []),
            When(name__istartswith=term, then=2),
        ]
        rank = Case(*ranks, default=3)
        return found.annotate(search_rank=rank).order_by("search_rank", Lower("name")), duplicates

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(claim_count=Count("claims", distinct=True))
            .prefetch_related("aliases")
        )

    @admin.display(description="aliases")
    def alias_list(self, obj):
        return ", ".join(alias.alias for alias in obj.aliases.all())

    @admin.display(ordering="claim_count", description="claims")
    def claim_count(self, obj):
        return obj.claim_count


class AppearanceInline(admin.TabularInline):
    model = Appearance
    extra = 0
    fields = ["source", "quote", "start", "end", "dose"]
    readonly_fields = ["source", "quote", "start", "end", "dose"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Appearances come from the catalogue loader, which checks quotes against the articles.
        return False


@admin.register(Claim)
class ClaimAdmin(ServiceErrorsAsMessages, admin.ModelAdmin):
    # The remedy's category is a filter, not a column: eight columns beside the navigation and the
    # filters fit at 1280 px (tests/e2e/test_layout_in_browser.py).
    list_display = [
        "statement",
        "condition",
        "remedy",
        "kind",
        "population",
        "risk_tier",
        "appearance_count",
    ]
    list_filter = [
        "condition",
        "remedy__category",
        "kind",
        "remedy__risk_tier",
        AppearanceSourceFilter,
        "population",
    ]
    search_fields = ["statement", "remedy__name", "remedy__aliases__alias", "appearances__quote"]
    list_select_related = ["remedy", "condition"]

    def get_ordering(self, request):
        return [CLAIM_RISK_ORDER.asc(), Lower("remedy__name"), "kind", "population"]  # highest risk first

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if may_have_duplicates:
            # One row per claim without DISTINCT, which PostgreSQL refuses with the risk ordering.
            found = queryset.filter(pk__in=found.order_by().values("pk"))
        return found, False

    inlines = [AppearanceInline]
    autocomplete_fields = ["remedy"]

    def get_queryset(self, request):
        # With the remedy selected, PostgreSQL may order the grouped rows by the remedy's risk tier
        # (the autocomplete of claims uses this queryset too).
        return (
            super()
            .get_queryset(request)
            .select_related("remedy", "condition")
            .annotate(appearance_count=Count("appearances", distinct=True))
        )

    def has_add_permission(self, request):
        return False  # claims come from the catalogue loader, which checks every quote

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # What a claim asserts is reviewed data: changed through the service, on the record.
        values = {field: form.cleaned_data[field] for field in edits.CLAIM_FIELDS if field in form.cleaned_data}
        edits.claim_update(claim=obj, actor=request.user, **values)

    def log_change(self, request, obj, message):
        pass  # the audit trail, not Django's LogEntry, is the record

    @admin.display(ordering="remedy__risk_tier", description="risk tier")
    def risk_tier(self, obj):
        return obj.remedy.get_risk_tier_display()

    @admin.display(ordering="appearance_count", description="quotes")
    def appearance_count(self, obj):
        return obj.appearance_count  # the quotes of it in the articles (its appearances)


@admin.register(Condition)
class ConditionAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """What articles and claims are about. A condition comes with the first article about it
    (claims.articles) or from the catalogue; its slug is what the content API's `about` filters on."""

    list_display = ["name", "slug", "source_count", "claim_count"]
    search_fields = ["name", "slug"]
    readonly_fields = ["name", "slug", "created_at"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                source_count=count_of(Source.objects.all(), "condition"),
                claim_count=count_of(Claim.objects.all(), "condition"),
            )
        )

    @admin.display(ordering="source_count", description="articles")
    def source_count(self, obj):
        return obj.source_count

    @admin.display(ordering="claim_count", description="claims")
    def claim_count(self, obj):
        return obj.claim_count
