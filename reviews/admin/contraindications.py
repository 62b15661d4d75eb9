"""Contraindications of a remedy or a claim, saved and removed through the services."""

from django.contrib import admin
from django.db import transaction

from core.admin_bases import ServiceErrorsAsMessages
from reviews import services
from reviews.models import Contraindication


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
