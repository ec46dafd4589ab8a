"""Routes of the discovery section of a case page, under /staff/cases/<pk>/discovery/, primary keys only."""

from django.urls import path

from pledge.discovery import views

app_name = "discovery"

urlpatterns = [
    path("<int:pk>/discovery/start/", views.start_discovery, name="start"),
    path("<int:pk>/discovery/candidates/<int:candidate_pk>/", views.decide_candidate, name="decide"),
    path("<int:pk>/discovery/runs/<int:run_pk>/search-record.pdf", views.search_record, name="search_record"),
    path("<int:pk>/discovery/conditions/", views.add_condition, name="add_condition"),
    path("<int:pk>/discovery/conditions/<int:condition_pk>/lift/", views.lift_condition, name="lift_condition"),
    path("<int:pk>/discovery/address-changes/", views.add_address_change, name="add_address_change"),
    path("<int:pk>/discovery/address-items/<int:item_pk>/", views.record_address_item, name="record_address_item"),
]
