"""The review queue's assignee filter: only the people a review can be assigned to (the same as the
review page's assignee choices), not every account."""

from django.contrib import admin

from reviews.selectors import assignable_reviewers


class AssigneeFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        return [(user.pk, user.get_username()) for user in assignable_reviewers()]
