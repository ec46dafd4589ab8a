"""Routes for packages, added to ``fulfilment.urls`` (mounted at /staff/): primary keys and signed tokens only."""

from django.urls import path

from pledge.fulfilment import package_views as views

PACKAGE = "cases/<int:pk>/fulfilment/package/"

urlpatterns = [
    path(PACKAGE, views.start_package, name="package_start"),
    path(f"{PACKAGE}<int:item>/", views.package_page, name="package"),
    path(f"{PACKAGE}<int:item>/download/", views.package_download, name="package_download"),
    path(f"{PACKAGE}<int:item>/passages/<int:passage>/", views.review_passage, name="package_passage"),
    path(f"{PACKAGE}<int:item>/add/", views.add_package, name="package_add"),
    path(f"{PACKAGE}<int:item>/transfer/", views.send_transfer, name="package_transfer"),
    path("assessment-copies/", views.assessment_copy, name="assessment_copies"),
    path("assessment-copies/<int:item>/", views.assessment_copy_file, name="assessment_copy_file"),
]
