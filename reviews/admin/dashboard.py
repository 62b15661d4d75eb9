"""The admin index with the dashboard above the list of applications, for reviewers, senior
reviewers and auditors (reviews.dashboard.panels); everyone else on the staff gets the plain index.
Wired in config/urls.py in front of the admin's own index, under the same address."""

from django.contrib import admin

from reviews.dashboard import panels


def index_page(request):
    return admin.site.index(request, extra_context=panels.dashboard(request.user))


# Staff only, like the admin's own index: others are sent to the login page.
index_view = admin.site.admin_view(index_page)
