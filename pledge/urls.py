"""Root URLs: the public site, staff pages under /staff/, the JSON API under /api/v1/."""

from django.urls import include, path

urlpatterns = [
    path("", include("pledge.site.urls")),
]
