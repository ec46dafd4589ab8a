"""Fulfilment's staff routes, mounted at /staff/: forms under a case, and the list of active restrictions."""

from django.urls import path

from pledge.fulfilment import package_urls, views

app_name = "fulfilment"

CASE = "cases/<int:pk>/fulfilment/"

urlpatterns = [
    path(f"{CASE}corrections/", views.record_correction, name="correction"),
    path(f"{CASE}disagreements/", views.record_disagreement, name="disagreement"),
    path(f"{CASE}disagreements/<int:item>/attach/", views.attach_statement, name="attach"),
    path(f"{CASE}disagreements/<int:item>/statement/", views.statement_file, name="statement"),
    path(f"{CASE}erasure/", views.record_erasure_outcome, name="erasure"),
    path(f"{CASE}restrictions/", views.restrict_processing, name="restrict"),
    path(f"{CASE}objections/", views.record_objection_decision, name="objection"),
    path(f"{CASE}reviews/", views.open_decision_review, name="review"),
    path(f"{CASE}reviews/<int:item>/decision/", views.record_review_decision, name="review_decision"),
    path(f"{CASE}restrictions/<int:item>/lift/", views.lift_restriction, name="lift"),
    path(f"{CASE}recipients/", views.record_recipient_notice, name="recipient"),
    path("restrictions/", views.restriction_list, name="restrictions"),
    *package_urls.urlpatterns,
]
