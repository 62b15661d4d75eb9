"""The shared reference library: saved through the services, never deleted."""

from django.contrib import admin

from core.admin_bases import ServiceErrorsAsMessages
from reviews import services
from reviews.models import Reference


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
