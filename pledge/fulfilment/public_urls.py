"""Public routes of fulfilment (mounted at /portability/): the receiving organisation is not staff, so its
one-time download link lives outside /staff/ and needs nothing but the signed token."""

from django.urls import path

from pledge.fulfilment import package_views as views

app_name = "portability"

urlpatterns = [
    path("<str:token>/", views.transfer_download, name="download"),
]
