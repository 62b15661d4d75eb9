from django.contrib import admin
from django.db.models import Count

from claims.models import Appearance, Claim, Remedy, RemedyAlias, Source


class AppearanceSourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [(s.pk, s.file_name) for s in Source.objects.order_by("file_name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(appearances__source_id=self.value()).distinct()
        return queryset


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["file_name", "title", "language", "appearance_count", "added_at"]
    search_fields = ["file_name", "title"]
    readonly_fields = ["sha256", "added_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(appearance_count=Count("appearances"))

    @admin.display(ordering="appearance_count", description="appearances")
    def appearance_count(self, obj):
        return obj.appearance_count


class RemedyAliasInline(admin.TabularInline):
    model = RemedyAlias
    extra = 0


@admin.register(Remedy)
class RemedyAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "atc_code", "risk_tier", "alias_list", "claim_count"]
    list_filter = ["category", "risk_tier"]
    search_fields = ["name", "aliases__alias", "atc_code"]
    inlines = [RemedyAliasInline]

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
class ClaimAdmin(admin.ModelAdmin):
    list_display = [
        "statement",
        "remedy",
        "remedy_category",
        "kind",
        "population",
        "risk_tier",
        "appearance_count",
    ]
    list_filter = [
        "remedy__category",
        "kind",
        "remedy__risk_tier",
        AppearanceSourceFilter,
        "population",
    ]
    search_fields = ["statement", "remedy__name", "remedy__aliases__alias", "appearances__quote"]
    list_select_related = ["remedy"]
    inlines = [AppearanceInline]
    autocomplete_fields = ["remedy"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(appearance_count=Count("appearances", distinct=True))
        )

    @admin.display(ordering="remedy__category", description="category")
    def remedy_category(self, obj):
        return obj.remedy.get_category_display()

    @admin.display(ordering="remedy__risk_tier", description="risk tier")
    def risk_tier(self, obj):
        return obj.remedy.get_risk_tier_display()

    @admin.display(ordering="appearance_count", description="appearances")
    def appearance_count(self, obj):
        return obj.appearance_count
