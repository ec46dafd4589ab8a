"""Routes for CCTV footage on a case, under /staff/cases/<pk>/footage/ and carrying the case's primary key only."""

from django.urls import path

from pledge.casework import footage_views

footage_patterns = [
    path("<int:pk>/footage/scope/", footage_views.scope_footage, name="scope_footage"),
    path("<int:pk>/footage/retrieval/", footage_views.record_retrieval, name="record_footage_retrieval"),
    path("<int:pk>/footage/third-parties/", footage_views.record_third_parties, name="record_footage_third_parties"),
]
