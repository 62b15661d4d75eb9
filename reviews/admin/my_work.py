"""The review list's "my work" filter: assigned to me, awaiting my decision, sent back to me, my
drafts (reviews.dashboard.mywork), which the counts on the admin index link to (?mine=…)."""

from django.contrib import admin

from core.roles import is_reviewer
from reviews.dashboard import mywork


class MyWorkFilter(admin.SimpleListFilter):
    title = "my work"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return mywork.CHOICES if is_reviewer(request.user) else []

    def queryset(self, request, queryset):
        if self.value() in dict(mywork.CHOICES):
            return mywork.my_reviews(request.user, self.value(), queryset)
        return queryset
