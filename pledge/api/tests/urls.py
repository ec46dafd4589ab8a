"""Test-only URLs: the API alone, so its tests do not depend on the rest of the site's routes."""

from django.urls import path

from pledge.api.router import api

urlpatterns = [path("api/v1/", api.urls)]
